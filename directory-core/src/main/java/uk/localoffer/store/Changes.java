package uk.localoffer.store;

/** What an import did (or, in a dry run, would do) to one kind of record in one source. */
public record Changes(int added, int updated, int removed, int unchanged) {
    public static final Changes NONE = new Changes(0, 0, 0, 0);

    public Changes plus(Changes o) {
        return new Changes(added + o.added, updated + o.updated, removed + o.removed, unchanged + o.unchanged);
    }

    public boolean isEmpty() { return added == 0 && updated == 0 && removed == 0; }

    @Override
    public String toString() {
        return added + " added, " + updated + " updated, " + removed + " removed, " + unchanged + " unchanged";
    }
}
