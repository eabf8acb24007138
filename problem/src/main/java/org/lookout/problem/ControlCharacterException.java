package org.lookout.problem;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/** A JSON string holding a character {@link TextRules} refuses; Jackson adds the path of the field as it unwinds. */
final class ControlCharacterException extends MismatchedInputException {

    ControlCharacterException(JsonParser parser) {
        super(parser, TextRules.CONTROL_CHARACTER, String.class);
    }
}
