package uk.localoffer.server.http;

import io.javalin.http.Context;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads and checks query parameters, refusing unknown ones and naming the one at fault. A
 * parameter is given once; only those read with {@link #all} (documented as lists) may repeat.
 */
public final class Params {
    private final Context ctx;

    private Params(Context ctx) { this.ctx = ctx; }

    /** Parameters every route accepts. */
    static final Set<String> COMMON = Set.of("lang");

    public static Params of(Context ctx, Set<String> allowed) {
        for (String name : ctx.queryParamMap().keySet())
            if (!allowed.contains(name) && !COMMON.contains(name))
                throw BadRequestException.parameter(name, "unknown parameter '" + name + "' (allowed: " + String.join(", ", allowed.stream().sorted().toList()) + ")");
        return new Params(ctx);
    }

    /** The parameters of a paged list ({@link Paging#PARAMETERS}) and {@code more}. */
    public static Params paged(Context ctx, Collection<String> more) {
        Set<String> allowed = new HashSet<>(Paging.PARAMETERS);
        allowed.addAll(more);
        return of(ctx, allowed);
    }

    /** The one value of {@code name}, trimmed; null when it is missing or blank; a 400 when it is given more than once. */
    public String text(String name) {
        List<String> values = ctx.queryParams(name);
        if (values.isEmpty()) return null;
        if (values.size() > 1) throw BadRequestException.parameter(name, "give " + name + " once, not " + values.size() + " times");
        String v = values.get(0).trim();
        return v.isEmpty() ? null : v;
    }

    /** Every value of a parameter that takes a list ({@code ?gss=A&gss=B}). */
    public List<String> all(String name) {
        return ctx.queryParams(name).stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    public Integer integer(String name, int min, int max) {
        String v = text(name);
        if (v == null) return null;
        try {
            int n = Integer.parseInt(v);
            if (n < min || n > max) throw BadRequestException.parameter(name, name + " must be between " + min + " and " + max + ", got " + n);
            return n;
        } catch (NumberFormatException e) {
            throw BadRequestException.parameter(name, name + " must be a whole number, got '" + v + "'");
        }
    }

    public Double decimal(String name, double min, double max) {
        String v = text(name);
        if (v == null) return null;
        try {
            double d = Double.parseDouble(v);
            if (!(d >= min && d <= max)) throw BadRequestException.parameter(name, name + " must be between " + min + " and " + max + ", got " + v);
            return d;
        } catch (NumberFormatException e) {
            throw BadRequestException.parameter(name, name + " must be a number, got '" + v + "'");
        }
    }

    public boolean bool(String name) {
        String v = text(name);
        if (v == null) return false;
        return switch (v) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw BadRequestException.parameter(name, name + " must be true or false, got '" + v + "'");
        };
    }
}
