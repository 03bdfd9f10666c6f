package uk.localoffer.server.pages;

import java.util.Map;

/**
 * The words on the pages, in English and Welsh. The Welsh is a first draft and needs review
 * by a Welsh speaker before it is relied on.
 */
final class Messages {
    private static final Map<String, String[]> TEXT = Map.ofEntries(
            e("service", "Find support for care leavers", "Dod o hyd i gymorth i bobl sy'n gadael gofal"),
            e("skip", "Skip to main content", "Neidio i'r prif gynnwys"),
            e("switch", "Cymraeg", "English"),
            e("beta", "This is a new service. Most records are examples, not real services.", "Mae hwn yn wasanaeth newydd. Enghreifftiau yw'r rhan fwyaf o'r cofnodion, nid gwasanaethau go iawn."),
            e("find.title", "Find support near you", "Dod o hyd i gymorth yn agos atoch chi"),
            e("find.lead", "For young people aged 16 to 25 who have been in care, and the people who support them.", "I bobl ifanc 16 i 25 oed sydd wedi bod mewn gofal, a'r bobl sy'n eu cefnogi."),
            e("postcode", "Postcode", "Cod post"),
            e("postcode.hint", "Where you live now, for example L1 8JQ", "Ble rydych chi'n byw nawr, er enghraifft L1 8JQ"),
            e("age", "Age", "Oed"),
            e("need", "What do you need help with?", "Gyda beth mae angen help arnoch chi?"),
            e("any", "Anything", "Unrhyw beth"),
            e("language", "Language you would like", "Yr iaith yr hoffech chi"),
            e("language.english", "English", "Saesneg"),
            e("delivery", "How can you get help?", "Sut gallwch chi gael help?"),
            e("delivery.hint", "Leave blank if any way is fine", "Gadewch yn wag os yw unrhyw ffordd yn iawn"),
            e("home", "Which council looked after you? (optional)", "Pa gyngor oedd yn gofalu amdanoch chi? (dewisol)"),
            e("home.none", "Not saying", "Dim ateb"),
            e("search", "Search", "Chwilio"),
            e("results", "Support you can use", "Cymorth y gallwch ei ddefnyddio"),
            e("results.count", "%d services you can use near %s", "%d o wasanaethau y gallwch eu defnyddio ger %s"),
            e("results.none", "No services matched.", "Ni chafwyd hyd i wasanaethau."),
            e("results.relax", "Try choosing 'Anything' for what you need, allowing phone or online help, or another language.", "Rhowch gynnig ar ddewis 'Unrhyw beth', caniatáu help dros y ffôn neu ar-lein, neu iaith arall."),
            e("why", "Why it is here", "Pam mae yma"),
            e("watch", "Good to know", "Da gwybod"),
            e("away", "%.1f km away", "%.1f km i ffwrdd"),
            e("previous", "Previous", "Blaenorol"),
            e("next", "Next", "Nesaf"),
            e("error.title", "There is a problem", "Mae problem"),
            e("error.postcode", "Enter a real postcode, like L1 8JQ", "Rhowch god post go iawn, fel L1 8JQ"),
            e("error.postcode.unknown", "We do not know that postcode: check it, or enter just its first part, like L1", "Nid ydym yn adnabod y cod post hwnnw: gwiriwch ef, neu rhowch ei ran gyntaf yn unig, fel L1"),
            e("error.age", "Enter your age as a number from 16 to 30", "Rhowch eich oed fel rhif o 16 i 30"),
            e("error.home", "Choose the council that looked after the young person", "Dewiswch y cyngor a oedd yn gofalu am y person ifanc"),
            e("illustrative", "Example record: not a real service", "Cofnod enghreifftiol: nid gwasanaeth go iawn"),
            e("offer", "What it offers", "Beth mae'n ei gynnig"),
            e("who", "Who can use it", "Pwy all ei ddefnyddio"),
            e("getin", "How to get in", "Sut i gael mynediad"),
            e("languages", "Languages", "Ieithoedd"),
            e("hours", "Opening hours", "Oriau agor"),
            e("places", "Where", "Ble"),
            e("checked", "Last checked", "Gwiriwyd ddiwethaf"),
            e("checked.never", "Not yet checked with the provider", "Heb ei wirio gyda'r darparwr eto"),
            e("source", "Where this information comes from", "O ble mae'r wybodaeth hon yn dod"),
            e("ages", "Ages", "Oedrannau"),
            e("all.ages", "Any age", "Unrhyw oed"),
            e("area", "Where you must live", "Ble mae'n rhaid i chi fyw"),
            e("anywhere", "Anywhere in England and Wales", "Unrhyw le yng Nghymru a Lloegr"),
            e("home.accepts", "Whose care leavers", "Pobl sy'n gadael gofal pa gyngor"),
            e("home.any", "Care leavers of any council", "Pobl sy'n gadael gofal unrhyw gyngor"),
            e("wait", "Usual wait: about %d weeks", "Aros arferol: tua %d wythnos"),
            e("offer.title", "%s: local offer for care leavers", "%s: cynnig lleol i bobl sy'n gadael gofal"),
            e("offer.team", "Leaving care team", "Tîm gadael gofal"),
            e("offer.entitlements", "What the local offer gives you", "Beth mae'r cynnig lleol yn ei roi i chi"),
            e("offer.services", "Services in this area", "Gwasanaethau yn yr ardal hon"),
            e("offer.review", "Emotional wellbeing support in the May 2022 review", "Cymorth lles emosiynol yn adolygiad Mai 2022"),
            e("offer.review.none", "This authority was not in the May 2022 review of English local offers.", "Nid oedd yr awdurdod hwn yn adolygiad Mai 2022 o gynigion lleol Lloegr."),
            e("statutory", "Everyone gets this (the law says so)", "Mae pawb yn cael hwn (mae'r gyfraith yn dweud hynny)"),
            e("discretionary", "Extra support from this council", "Cymorth ychwanegol gan y cyngor hwn"),
            e("authorities", "Councils and their local offers", "Cynghorau a'u cynigion lleol"),
            e("compare", "Compare councils", "Cymharu cynghorau"),
            e("compare.choose", "Choose two or more councils", "Dewiswch ddau gyngor neu fwy"),
            e("map", "Map of emotional wellbeing support (May 2022 review)", "Map o gymorth lles emosiynol (adolygiad Mai 2022)"),
            e("yes", "Yes", "Ydy"),
            e("no", "No", "Nac ydy"),
            e("pa", "For Personal Advisers: someone placed out of area", "I Gynghorwyr Personol: rhywun sydd wedi'i leoli y tu allan i'r ardal"),
            e("pa.lead", "What can the young person use where they live now, and what does your own offer still give them?", "Beth all y person ifanc ei ddefnyddio lle mae'n byw nawr, a beth mae eich cynnig chi yn dal i'w roi iddyn nhw?"),
            e("pa.home", "Your council (the young person's home authority)", "Eich cyngor chi (awdurdod cartref y person ifanc)"),
            e("pa.where", "Postcode where the young person lives now", "Cod post lle mae'r person ifanc yn byw nawr"),
            e("pa.host", "They live in %s", "Maen nhw'n byw yn %s"),
            e("pa.method.boundary", "found from the council boundary", "wedi'i ganfod o ffin y cyngor"),
            e("pa.method.postcode_district", "found from the postcode district", "wedi'i ganfod o ardal y cod post"),
            e("pa.method.nearest_centroid", "a guess from the nearest council centre", "dyfaliad o ganol y cyngor agosaf"),
            e("pa.method.outside_england_and_wales", "outside England and Wales", "y tu allan i Gymru a Lloegr"),
            e("pa.district", "Their district council, for council tax and housing: %s", "Eu cyngor dosbarth, ar gyfer y dreth gyngor a thai: %s"),
            e("place.in", "%s, in %s", "%s, yn %s"),
            e("pa.hostteam", "Leaving care team where they live", "Tîm gadael gofal lle maen nhw'n byw"),
            e("pa.homeoffer", "What your offer still gives them there", "Beth mae eich cynnig yn dal i'w roi iddyn nhw yno"),
            e("pa.services", "Services there that accept them", "Gwasanaethau yno sy'n eu derbyn"),
            e("pa.print", "Print this shortlist", "Argraffu'r rhestr fer hon"),
            e("pa.shortlist", "Shortlist for the young person", "Rhestr fer i'r person ifanc"),
            e("excluded", "%d more services meet the need but this young person cannot use them", "Mae %d gwasanaeth arall yn diwallu'r angen ond ni all y person ifanc hwn eu defnyddio"),
            e("notfound", "Page not found", "Heb ddod o hyd i'r dudalen"),
            e("notfound.body", "Check the address, or start a new search.", "Gwiriwch y cyfeiriad, neu dechreuwch chwiliad newydd."),
            e("footer.data", "Contains public sector information licensed under the Open Government Licence v3.0. Source: Office for National Statistics licensed under the Open Government Licence v.3.0. Contains OS data © Crown copyright and database right 2024. Postcode districts: Contains OS data © Crown copyright and database right 2025. Contains Royal Mail data © Royal Mail copyright and database right 2025. Council names: UK Local Authority Names and Codes, mySociety, CC BY 4.0.",
                    "Yn cynnwys gwybodaeth sector cyhoeddus a drwyddedir o dan y Drwydded Llywodraeth Agored v3.0. Ffynhonnell: Swyddfa Ystadegau Gwladol, Trwydded Llywodraeth Agored v.3.0. Yn cynnwys data OS © Hawlfraint y Goron a hawl cronfa ddata 2024. Ardaloedd cod post: Yn cynnwys data OS © Hawlfraint y Goron a hawl cronfa ddata 2025. Yn cynnwys data Post Brenhinol © Hawlfraint a hawl cronfa ddata y Post Brenhinol 2025. Enwau cynghorau: UK Local Authority Names and Codes, mySociety, CC BY 4.0."),
            e("footer.privacy", "We do not store or log what you type. The only cookie remembers your language.", "Nid ydym yn cadw nac yn cofnodi'r hyn rydych yn ei deipio. Mae'r unig gwci yn cofio eich iaith."));

    private static Map.Entry<String, String[]> e(String key, String en, String cy) { return Map.entry(key, new String[]{en, cy}); }

    private Messages() { }

    static String get(String lang, String key) {
        String[] t = TEXT.get(key);
        if (t == null) throw new IllegalArgumentException("no message " + key);
        return "cy".equals(lang) ? t[1] : t[0];
    }
}
