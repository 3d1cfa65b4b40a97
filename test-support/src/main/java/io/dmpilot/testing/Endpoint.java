package io.dmpilot.testing;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One REST operation of the running application, as its OpenAPI document ({@code /q/openapi}) lists it: so
 * a list of these is every endpoint the service serves, including one added tomorrow.
 */
public record Endpoint(String method, String path, Map<String, String> pathParameterTypes) {
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    /** Every operation of the application under test. */
    @SuppressWarnings("unchecked")
    public static List<Endpoint> all() {
        JsonPath openApi = RestAssured.given()
                .queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        Map<String, Map<String, Object>> paths = openApi.getMap("paths");
        List<Endpoint> endpoints = new ArrayList<>();
        paths.forEach((path, item) -> item.forEach((method, operation) -> {
            if (METHODS.contains(method)) {
                endpoints.add(new Endpoint(
                        method.toUpperCase(), path, pathParameters(item, (Map<String, Object>) operation)));
            }
        }));
        return endpoints;
    }

    public boolean writes() {
        return !method.equals("GET");
    }

    /** The concrete URL, each path parameter replaced by its value in {@code values}, else a harmless default. */
    public String url(Map<String, String> values) {
        String url = path;
        for (Map.Entry<String, String> parameter : pathParameterTypes.entrySet()) {
            String value = values.getOrDefault(
                    parameter.getKey(), parameter.getValue().equals("integer") ? "1" : "matrix-" + parameter.getKey());
            url = url.replace("{" + parameter.getKey() + "}", value);
        }
        return url;
    }

    @Override
    public String toString() {
        return method + " " + path;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> pathParameters(Map<String, Object> item, Map<String, Object> operation) {
        Map<String, String> types = new LinkedHashMap<>();
        List<Object> parameters = new ArrayList<>();
        parameters.addAll((List<Object>) item.getOrDefault("parameters", List.of()));
        parameters.addAll((List<Object>) operation.getOrDefault("parameters", List.of()));
        for (Object p : parameters) {
            Map<String, Object> parameter = (Map<String, Object>) p;
            if ("path".equals(parameter.get("in"))) {
                Map<String, Object> schema = (Map<String, Object>) parameter.getOrDefault("schema", Map.of());
                types.put((String) parameter.get("name"), String.valueOf(schema.getOrDefault("type", "string")));
            }
        }
        return types;
    }
}
