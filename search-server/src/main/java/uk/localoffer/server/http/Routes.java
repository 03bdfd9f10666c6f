package uk.localoffer.server.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Handler;

import java.util.ArrayList;
import java.util.List;

/** Registers routes and remembers them, so the OpenAPI document can be checked against what is served. */
public final class Routes {
    private final RoutesConfig config;
    private final List<String> endpoints = new ArrayList<>();

    public Routes(RoutesConfig config) { this.config = config; }

    public void get(String path, Handler h) {
        endpoints.add("GET " + path);
        config.get(path, h);
    }

    public void post(String path, Handler h) {
        endpoints.add("POST " + path);
        config.post(path, h);
    }

    public void put(String path, Handler h) {
        endpoints.add("PUT " + path);
        config.put(path, h);
    }

    public void delete(String path, Handler h) {
        endpoints.add("DELETE " + path);
        config.delete(path, h);
    }

    public List<String> endpoints() { return List.copyOf(endpoints); }
}
