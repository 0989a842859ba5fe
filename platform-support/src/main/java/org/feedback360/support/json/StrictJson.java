package org.feedback360.support.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import org.feedback360.support.text.ControlCharacters;

import java.io.IOException;

/**
 * One JSON dialect for every service's API: what a client sends means exactly one thing.
 * <ul>
 *   <li>A duplicated key is an error, not "last one wins": two parsers reading the same
 *       body differently (a gateway, a WAF, this service) is how requests get smuggled.</li>
 *   <li>No scalar coercion: {@code "active": "yes"} or {@code "name": 123} is a client bug
 *       to report, not to guess at; {@code 4.0} is not a rating of 4.</li>
 *   <li>Unknown properties are refused by {@code quarkus.jackson.fail-on-unknown-properties} in
 *       each service; event consumers that must tolerate additions say so on their types.</li>
 *   <li>Nothing may follow the JSON value: {@code {"answers":{}} trailing} is not a body
 *       whose first part counts.</li>
 *   <li>Text carries no control characters but tab, line feed and carriage return.</li>
 * </ul>
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
        // Numbers and booleans are not text: {"name": 123} fails instead of becoming "123".
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.registerModule(new SimpleModule("feedback360-strict-text").addDeserializer(String.class, new PlainText()));
    }

    /**
     * Text with a control character other than tab, line feed or carriage return is refused as
     * a client error: PostgreSQL cannot store NUL, a terminal bell or escape sequence in a
     * comment only ever reaches a reader to do harm (a log viewer, a CSV export), and no
     * legitimate name, comment or id contains one.
     */
    static final class PlainText extends StdScalarDeserializer<String> {

        PlainText() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String text = StringDeserializer.instance.deserialize(p, ctxt);
            if (ControlCharacters.unprintableIn(text)) {
                throw InvalidFormatException.from(p, "Text may not contain control characters (other than tab and line breaks)",
                        text, String.class);
            }
            return text;
        }
    }
}
