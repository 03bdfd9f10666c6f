package uk.localoffer.domain;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;

/** The date a source page shows (published, updated, reviewed): a day, or only a month. */
public record PageDate(YearMonth month, Integer day) {

    public PageDate {
        if (day != null) month.atDay(day);
    }

    /** Parses {@code YYYY-MM-DD} or {@code YYYY-MM}. */
    public static PageDate parse(String text) {
        try {
            if (text.length() == 7) return new PageDate(YearMonth.parse(text), null);
            LocalDate d = LocalDate.parse(text);
            return new PageDate(YearMonth.from(d), d.getDayOfMonth());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("must be a date as YYYY-MM-DD or YYYY-MM, got '" + text + "'");
        }
    }

    public LocalDate firstDay() { return day == null ? month.atDay(1) : month.atDay(day); }

    public boolean olderThanMonths(int months, LocalDate today) {
        return firstDay().isBefore(today.minusMonths(months));
    }

    @Override
    public String toString() { return day == null ? month.toString() : firstDay().toString(); }
}
