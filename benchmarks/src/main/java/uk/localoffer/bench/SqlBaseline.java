package uk.localoffer.bench;

import uk.localoffer.domain.Authority;
import uk.localoffer.domain.Delivery;
import uk.localoffer.domain.Service;
import uk.localoffer.domain.Vocabulary;
import uk.localoffer.match.Factor;
import uk.localoffer.match.Profile;
import uk.localoffer.match.Urgency;
import uk.localoffer.match.Weights;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A baseline the matcher is compared with: the same hard eligibility (Eligibility.java,
 * docs/ranking.md) and the same ranking formula (match.Factor and match.Ranking) written in SQL, over a database
 * holding the same generated services. One query per match returns the top results (with the
 * number eligible); with no limit it returns the whole eligible set, ranked.
 *
 * <p>The SQL follows Matcher.needQuery and Ranking.java as of commit 8f414b8 (generalist services,
 * sibling needs of the same local-offer area at 0.3); its
 * constants are read from Factor when they can be, so a change of a constant stays in step,
 * but a change of the formula needs the same change here (the overlap check shows it).
 */
public abstract class SqlBaseline implements AutoCloseable {
    /** The ords (index in the generated list) of the results, best first, and how many were eligible. */
    public record Answer(List<Integer> ords, List<Double> scores, int eligible) { }

    static final double HALF_SCORE_KM = constant("HALF_SCORE_KM", 8.0);
    static final double GENERALIST_NEEDS = constant("GENERALIST_NEEDS", 3.0);
    static final double CRISIS_URGENCY_MULTIPLIER = constant("CRISIS_URGENCY_MULTIPLIER", 2.0);
    static final int NATIONAL = 0, AUTHORITIES = 1, RADIUS = 2, CATCHMENT = 3;

    protected final Connection connection;
    protected final Vocabulary vocabulary;
    protected final Weights weights = Weights.DEFAULT;
    private final Map<String, PreparedStatement> statements = new HashMap<>();

    protected SqlBaseline(Connection connection, Vocabulary vocabulary) {
        this.connection = connection;
        this.vocabulary = vocabulary;
    }

    public abstract String name();

    /** Loads the services (dropping what was there) and builds the indexes. */
    public abstract void load(List<Service> services, List<Authority> authorities) throws SQLException;

    /** Version of the database software, for the report. */
    public abstract String version() throws SQLException;

    /** The best {@code limit} eligible services for {@code p}; Integer.MAX_VALUE for the whole eligible set. */
    public Answer match(Profile p, int limit) throws SQLException {
        Sql q = query(p, limit, LocalDate.now());
        PreparedStatement st = statements.get(q.text());
        if (st == null) {
            try {
                st = connection.prepareStatement(q.text());
            } catch (SQLException e) {
                throw new SQLException(e.getMessage() + " in: " + q.text(), e);
            }
            statements.put(q.text(), st);
        }
        q.bind(connection, st);
        List<Integer> ords = new ArrayList<>();
        List<Double> scores = new ArrayList<>();
        int eligible = 0;
        try (ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                ords.add(rs.getInt(1));
                scores.add(rs.getDouble(2));
                eligible = rs.getInt(3);
            }
        }
        return new Answer(ords, scores, eligible);
    }

    /** The SQL for one profile (its shape depends on which parts of the profile are given). */
    abstract Sql query(Profile p, int limit, LocalDate today);

    @Override
    public void close() throws SQLException {
        for (PreparedStatement st : statements.values()) st.close();
        connection.close();
    }

    // ---- the parts both dialects share --------------------------------------------------

    /** A statement being written, with its parameters in order. */
    static final class Sql {
        private final StringBuilder text = new StringBuilder();
        private final List<Object> params = new ArrayList<>();
        private final boolean postgres;

        Sql(boolean postgres) { this.postgres = postgres; }

        Sql s(String sql) { text.append(sql); return this; }

        /** A double constant, bound exactly (SQL decimal literals would be NUMERIC in PostgreSQL). */
        Sql d(double v) { params.add(v); text.append(postgres ? "?::float8" : "?"); return this; }

        Sql i(int v) { params.add(v); text.append(postgres ? "?::int" : "?"); return this; }

        Sql t(String v) { params.add(v); text.append(postgres ? "?::text" : "?"); return this; }

        /** A text[] in PostgreSQL. */
        Sql a(Set<String> v) { params.add(v.toArray(String[]::new)); text.append("?::text[]"); return this; }

        String text() { return text.toString(); }

        void bind(Connection c, PreparedStatement st) throws SQLException {
            for (int k = 0; k < params.size(); k++) {
                Object o = params.get(k);
                if (o instanceof Double v) st.setDouble(k + 1, v);
                else if (o instanceof Integer v) st.setInt(k + 1, v);
                else if (o instanceof String v) st.setString(k + 1, v);
                else if (o instanceof String[] v) st.setArray(k + 1, c.createArrayOf("text", v));
                else throw new IllegalArgumentException(String.valueOf(o));
            }
        }
    }

    /** What the profile asks, as the SQL needs it. */
    record Ask(Profile p, Set<String> needCodes, List<String> needs, List<Double> needWeights, List<Set<String>> partial,
               List<Set<String>> siblings, List<String> languages, double weightSum, double urgencyWeight, boolean remoteOk) {
        static Ask of(Profile p, Vocabulary vocabulary, Weights w) {
            Set<String> codes = new LinkedHashSet<>();
            List<String> needs = new ArrayList<>();
            List<Double> needWeights = new ArrayList<>();
            List<Set<String>> partial = new ArrayList<>(), siblings = new ArrayList<>();
            for (var e : p.needs().entrySet()) {
                String need = e.getKey();
                // Matcher.needQuery: the need, its finer needs, and the whole local-offer area it belongs to.
                codes.addAll(vocabulary.needAndChildren(need));
                codes.addAll(vocabulary.needAndChildren(vocabulary.areaOf(need)));
                needs.add(need);
                needWeights.add(e.getValue());
                // Factor.needMatch: 0.6 for the need's area (when it is not the need) or one of its finer needs.
                Set<String> part = new LinkedHashSet<>();
                String area = vocabulary.areaOf(need);
                if (!area.equals(need)) part.add(area);
                for (String c : vocabulary.needAndChildren(need)) if (!c.equals(need)) part.add(c);
                partial.add(part);
                // 0.3 for another need of the same area (a sibling).
                Set<String> sib = new LinkedHashSet<>();
                if (!area.equals(need)) for (String c : vocabulary.needAndChildren(area)) if (!c.equals(need) && !part.contains(c)) sib.add(c);
                siblings.add(sib);
            }
            List<String> languages = p.languages().stream().filter(l -> !l.equals("en")).toList();
            double urgencyWeight = p.urgency() == Urgency.ROUTINE ? 0 : w.urgency() * (p.urgency() == Urgency.CRISIS ? CRISIS_URGENCY_MULTIPLIER : 1.0);
            // The weights of the factors that apply, summed in Ranking's order.
            double sum = 0;
            if (!p.needs().isEmpty()) sum += w.need();
            sum += w.distance();
            sum += w.threshold();
            if (p.urgency() != Urgency.ROUTINE) sum += urgencyWeight;
            if (!languages.isEmpty()) sum += w.language();
            sum += w.careLeaver();
            if (!p.circumstances().isEmpty()) sum += w.circumstance();
            sum += w.freshness();
            if (hasText(p)) sum += w.text();
            return new Ask(p, codes, needs, needWeights, partial, siblings, languages, sum, urgencyWeight, p.acceptsRemote());
        }
    }

    static boolean hasText(Profile p) { return p.text() != null && !p.text().isBlank(); }

    /** Membership of one code in a multi-valued column. */
    abstract void has(Sql q, String column, String code);

    /** Whether a multi-valued column shares a code with {@code codes} (false when codes is empty). */
    abstract void overlaps(Sql q, String column, Set<String> codes);

    /** The months between the last check and today, as ChronoUnit.MONTHS.between counts them. */
    abstract void monthsSinceChecked(Sql q, LocalDate today);

    abstract String greatest();

    abstract String least();

    /** Haversine distance in km from the service's place to the profile's point, as GeoPoint.distanceKm. */
    void km(Sql q, Profile p, String alias) {
        double lat = p.location().lat(), lon = p.location().lon();
        String a = alias + ".";
        q.s("(").d(2.0).s(" * ").d(6371.0088).s(" * asin(").s(least()).s("(").d(1.0).s(", sqrt(power(sin(radians(").d(lat).s(" - " + a + "lat) / ").d(2.0)
                .s("), 2) + cos(radians(" + a + "lat)) * cos(radians(").d(lat).s(")) * power(sin(radians(").d(lon).s(" - " + a + "lon) / ").d(2.0).s("), 2)))))");
    }

    /** The words of the free text, joined by OR as Lucene's QueryBuilder joins them (SHOULD). */
    static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        for (String w : text.toLowerCase(java.util.Locale.ROOT).split("[^\\p{L}\\p{N}]+")) if (!w.isBlank()) out.add(w);
        return out;
    }

    /** The score of one eligible row {@code c} (a row of the services table plus km and tr), as Ranking.score. */
    void score(Sql q, Ask ask, LocalDate today) {
        Profile p = ask.p();
        Weights w = weights;
        q.s("((");
        boolean first = true;
        if (!p.needs().isEmpty()) {
            double want = 0;
            for (double x : ask.needWeights()) want += x;
            q.d(w.need()).s(" * (((");
            for (int k = 0; k < ask.needs().size(); k++) {
                if (k > 0) q.s(" + ");
                q.d(ask.needWeights().get(k)).s(" * (CASE WHEN ");
                has(q, "c.needs", ask.needs().get(k));
                q.s(" THEN ").d(1.0).s(" WHEN ");
                overlaps(q, "c.needs", ask.partial().get(k));
                q.s(" THEN ").d(0.6).s(" WHEN ");
                overlaps(q, "c.needs", ask.siblings().get(k));
                q.s(" THEN ").d(0.3).s(" ELSE ").d(0.0).s(" END)");
            }
            q.s(") / ").d(want).s(") * (").d(0.6).s(" + ").d(0.4).s(" * ").s(least()).s("(").d(1.0).s(", ").d(GENERALIST_NEEDS).s(" / c.need_count)))");
            first = false;
        }
        // distance
        if (!first) q.s(" + ");
        q.d(w.distance()).s(" * (CASE WHEN ");
        if (ask.remoteOk()) q.s("c.remote = 1"); else q.s("1 = 0");
        q.s(" THEN ").d(1.0).s(" ELSE power(").d(0.5).s(", c.km / ").d(HALF_SCORE_KM).s(") END)");
        // threshold and wait
        q.s(" + ").d(w.threshold()).s(" * ((CASE c.threshold WHEN 'self_referral' THEN ").d(1.0).s(" WHEN 'pa_referral' THEN ").d(0.85)
                .s(" WHEN 'professional_referral' THEN ").d(0.45).s(" WHEN 'clinical_assessment' THEN ").d(0.2).s(" ELSE ").d(0.5)
                .s(" END) * (CASE WHEN c.wait_weeks > 0 THEN ").d(1.0).s(" - ").s(least()).s("(").d(0.5).s(", c.wait_weeks / ").d(26.0)
                .s(") ELSE ").d(1.0).s(" END))");
        // urgency
        if (p.urgency() != Urgency.ROUTINE) {
            q.s(" + ").d(ask.urgencyWeight()).s(" * ");
            if (p.urgency() == Urgency.SOON) q.s(greatest()).s("(");
            q.s("(CASE WHEN c.open24 = 1 THEN ").d(1.0).s(" WHEN c.out_of_hours = 1 THEN ").d(0.7)
                    .s(" WHEN c.threshold = 'self_referral' AND (c.wait_weeks IS NULL OR c.wait_weeks = 0) THEN ").d(0.3).s(" ELSE ").d(0.1).s(" END)");
            if (p.urgency() == Urgency.SOON)
                q.s(", CASE WHEN c.wait_weeks IS NULL OR c.wait_weeks <= 1 THEN ").d(0.6).s(" ELSE ").d(0.2).s(" END)");
        }
        // language
        if (!ask.languages().isEmpty()) {
            q.s(" + ").d(w.language()).s(" * ").s(greatest()).s("(").d(0.0);
            for (int k = 0; k < ask.languages().size(); k++) {
                String lang = ask.languages().get(k);
                q.s(", (CASE");
                if (lang.equals("cy")) q.s(" WHEN c.welsh = 'active_offer' THEN ").d(1.0).s(" WHEN c.welsh = 'on_request' THEN ").d(0.85);
                q.s(" WHEN ");
                has(q, "c.languages", lang);
                q.s(" THEN ").d(1.0).s(" WHEN c.interpreter = 1 THEN ").d(0.6).s(" ELSE ").d(p.englishOk() ? 0.3 : 0.0).s(" END) * ").d(1.0 - 0.1 * k);
            }
            q.s(")");
        }
        // care leaver
        q.s(" + ").d(w.careLeaver()).s(" * (CASE WHEN c.care_leaver = 1 THEN ").d(1.0).s(" ELSE ").d(0.0).s(" END)");
        // circumstances
        if (!p.circumstances().isEmpty()) {
            q.s(" + ").d(w.circumstance()).s(" * (CASE WHEN ");
            overlaps(q, "c.circumstances", p.circumstances());
            q.s(" THEN ").d(1.0).s(" ELSE ").d(0.0).s(" END)");
        }
        // freshness
        q.s(" + ").d(w.freshness()).s(" * (CASE WHEN c.verified IS NULL THEN ").d(0.4).s(" WHEN ");
        monthsSinceChecked(q, today);
        q.s(" <= ").i(w.staleMonths()).s(" THEN ").d(1.0).s(" WHEN ");
        monthsSinceChecked(q, today);
        q.s(" <= ").i(2 * w.staleMonths()).s(" THEN ").d(0.5).s(" ELSE ").d(0.2).s(" END)");
        // text: relevance divided by the best among the eligible
        if (hasText(p)) q.s(" + ").d(w.text()).s(" * (CASE WHEN c.maxtr > 0 THEN c.tr / c.maxtr ELSE ").d(0.0).s(" END)");
        q.s(") / ").d(ask.weightSum()).s(")");
    }

    /** The filters that do not depend on the residence or the needs (the dialects add those). */
    void commonFilters(Sql q, Ask ask, java.util.function.Consumer<Sql> hostExpr) {
        Profile p = ask.p();
        if (p.status() != null) {
            q.s(" AND (s.statuses = ").s(emptySet()).s(" OR ");
            has(q, "s.statuses", p.status());
            q.s(")");
        }
        q.s(" AND (s.accepts = ").s(emptySet()).s(" OR ");
        if (p.homeAuthority() != null) has(q, "s.accepts", p.homeAuthority());
        else hasExpr(q, "s.accepts", hostExpr);
        q.s(")");
        // Nation (issue 14): nothing only for the other nation, unless it is the home authority's own.
        q.s(" AND (s.only_nation IS NULL OR s.only_nation = (SELECT nation FROM authority WHERE code = ");
        hostExpr.accept(q);
        q.s(") OR (s.accepts <> ").s(emptySet()).s(" AND ");
        if (p.homeAuthority() != null) has(q, "s.accepts", p.homeAuthority());
        else hasExpr(q, "s.accepts", hostExpr);
        q.s("))");
        if (!p.circumstances().isEmpty()) {
            q.s(" AND NOT ");
            overlaps(q, "s.exclusions", p.circumstances());
        }
        if (!p.delivery().isEmpty()) {
            q.s(" AND ");
            Set<String> codes = new LinkedHashSet<>();
            for (Delivery d : p.delivery()) codes.add(d.code());
            overlaps(q, "s.delivery", codes);
        }
    }

    abstract String emptySet();

    /** Membership of a code computed in SQL (the host authority, written by {@code expr}) in a multi-valued column. */
    abstract void hasExpr(Sql q, String column, java.util.function.Consumer<Sql> expr);

    private static double constant(String field, double fallback) {
        try {
            var f = Factor.class.getDeclaredField(field);
            f.setAccessible(true);
            return f.getDouble(null);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return fallback;
        }
    }

    /** Text searched: name, description, organisation, need and circumstance labels (as ServiceIndex). */
    static String document(Service s, Vocabulary vocabulary) {
        StringBuilder text = new StringBuilder(s.name()).append('\n').append(s.description());
        if (s.organisation() != null) text.append('\n').append(s.organisation());
        for (String need : s.needs()) text.append('\n').append(vocabulary.label("need", need, "en"));
        for (String c : s.circumstances()) text.append('\n').append(vocabulary.label("circumstance", c, "en"));
        return text.toString();
    }

    /** The one nation a service covers (its recorded nations, else its authority's), or null when it is not just one. */
    static String onlyNation(Service s, java.util.Map<String, Authority> authorities) {
        var nations = s.coveredNations(authorities::get);
        return nations.size() == 1 ? nations.iterator().next().label() : null;
    }

    static int residenceKind(Service s) {
        return switch (s.eligibility().residence().kind()) {
            case NATIONAL -> NATIONAL;
            case AUTHORITIES -> AUTHORITIES;
            case RADIUS -> RADIUS;
            case CATCHMENT -> CATCHMENT;
        };
    }
}
