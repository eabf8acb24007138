package org.lookout.problem;

import java.io.DataInput;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.core.io.InputDecorator;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * The rules for text in every JSON body a service reads, on the ObjectMapper of the REST layer: the bytes must be
 * well-formed UTF-8 (Jackson itself decodes the overlong {@code C0 80} to NUL and lets other overlong forms through),
 * and no string, value or key, may hold a character {@link TextRules} refuses. Both answer 400 naming the field.
 */
@Singleton
public class StrictTextJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("lookout-strict-text")
                .addDeserializer(String.class, new Strings())
                .addKeyDeserializer(String.class, new Keys()));
        mapper.getFactory().setInputDecorator(new CheckedUtf8());
        // a key twice in one object is ambiguous input (which one did the caller mean?): refused with a 400 naming it,
        // never resolved silently, and never a 500 (a record's creator meeting its property twice failed as one)
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    }

    /** Jackson's own string reading (also inside arrays and collections, which delegate to it), then the rule. */
    static final class Strings extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = super.deserialize(parser, context);
            if (value != null && TextRules.hasControlCharacter(value)) {
                throw new ControlCharacterException(parser);
            }
            return value;
        }
    }

    static final class Keys extends KeyDeserializer {

        @Override
        public Object deserializeKey(String key, DeserializationContext context) throws IOException {
            if (TextRules.hasControlCharacter(key)) {
                throw new ControlCharacterException(context.getParser());
            }
            return key;
        }
    }

    static final class CheckedUtf8 extends InputDecorator {

        @Override
        public InputStream decorate(IOContext context, InputStream in) {
            return new Utf8CheckingInputStream(in);
        }

        @Override
        public InputStream decorate(IOContext context, byte[] source, int offset, int length) {
            return new Utf8CheckingInputStream(new java.io.ByteArrayInputStream(source, offset, length));
        }

        @Override
        public Reader decorate(IOContext context, Reader reader) {
            return reader; // characters already: nothing left to decode
        }

        @Override
        public DataInput decorate(IOContext context, DataInput input) {
            return input;
        }
    }
}
