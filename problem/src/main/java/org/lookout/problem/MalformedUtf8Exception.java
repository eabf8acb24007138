package org.lookout.problem;

import java.io.CharConversionException;

/** A request body that is not well-formed UTF-8 (RFC 3629): an overlong form, a surrogate, a stray or missing byte. */
public final class MalformedUtf8Exception extends CharConversionException {

    MalformedUtf8Exception(long offset) {
        super("the body is not valid UTF-8 (at byte " + offset + ")");
    }
}
