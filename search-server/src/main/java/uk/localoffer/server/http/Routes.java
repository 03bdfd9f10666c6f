package uk.localoffer.server.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;

import java.util.ArrayList;
import java.util.List;

/** Registers routes and remembers them, so the OpenAPI document can be checked against what is served. */
public final class Routes {
    private final RoutesConfig config;
    private final List<String> endpoints = new ArrayList<>();

    public Routes(RoutesConfig config) { this.config = config; }

    public void get(String path, Handler h) { add(HandlerType.GET, path, h); }

    public void post(String path, Handler h) { add(HandlerType.POST, path, h); }

    public void put(String path, Handler h) { add(HandlerType.PUT, path, h); }

    public void delete(String path, Handler h) { add(HandlerType.DELETE, path, h); }

    private void add(HandlerType method, String path, Handler h) {
        endpoints.add(method.name() + " " + path);
        config.addHttpHandler(method, path, h);
    }

    public List<String> endpoints() { return List.copyOf(endpoints); }
}
