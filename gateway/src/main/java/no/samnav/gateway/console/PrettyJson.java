package no.samnav.gateway.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The canonical FHIR of a message as the operator reads it: indented JSON (as stored when it is not JSON). */
final class PrettyJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PrettyJson() {
    }

    static String format(String json) {
        if (json == null) return "";
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(JSON.readTree(json));
        } catch (JsonProcessingException notJson) {
            return json;
        }
    }
}
