package org.feedback360.e2e;

import io.restassured.path.json.JsonPath;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** An instrument version as the API serves it: dimensions, their items and reverse flags. */
public record Instrument(String key, int version, List<Dimension> dimensions, List<String> openQuestions, int scaleMax) {

    public record Item(String id, boolean reverseScored) {
    }

    public record Dimension(String key, List<Item> items) {
    }

    public static Instrument fetch(String key, int version) {
        JsonPath json = Platform.asHrPortal().get("/api/v1/instruments/" + key + "/versions/" + version)
                .then().statusCode(200).extract().jsonPath();
        List<Dimension> dimensions = new ArrayList<>();
        for (Map<String, Object> d : json.<Map<String, Object>>getList("dimensions")) {
            List<Item> items = new ArrayList<>();
            for (Object raw : (List<?>) d.get("items")) {
                Map<?, ?> item = (Map<?, ?>) raw;
                items.add(new Item((String) item.get("id"), Boolean.TRUE.equals(item.get("reverseScored"))));
            }
            dimensions.add(new Dimension((String) d.get("key"), items));
        }
        return new Instrument(key, version, dimensions, json.getList("openQuestions.id", String.class),
                json.getInt("scale.max"));
    }

    public List<Item> items() {
        return dimensions.stream().flatMap(d -> d.items().stream()).toList();
    }

    /** A complete answer set: every item 1..A. */
    public Map<String, Integer> randomAnswers(Random random) {
        Map<String, Integer> answers = new LinkedHashMap<>();
        for (Item item : items()) {
            answers.put(item.id(), 1 + random.nextInt(scaleMax));
        }
        return answers;
    }

    /** The answer as scored: reversed where flagged. */
    public int scored(Item item, int answer) {
        return item.reverseScored() ? scaleMax + 1 - answer : answer;
    }
}
