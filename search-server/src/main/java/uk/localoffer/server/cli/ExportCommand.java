package uk.localoffer.server.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import uk.localoffer.domain.Authority;
import uk.localoffer.domain.Entitlement;
import uk.localoffer.domain.Service;
import uk.localoffer.importer.DataFiles;
import uk.localoffer.importer.Importer;
import uk.localoffer.importer.OfferCsvWriter;
import uk.localoffer.match.Weights;
import uk.localoffer.oruk.Oruk;
import uk.localoffer.oruk.OrukJson;
import uk.localoffer.server.api.Pages;
import uk.localoffer.server.http.JsonBody;
import uk.localoffer.server.http.Paging;
import uk.localoffer.store.Store;

import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "export", description = "an authority's services and entitlements, to edit and import again")
final class ExportCommand implements Callable<Integer> {
    @ParentCommand LocalOffer root;
    @Mixin DataDir data;
    @Option(names = "--authority", paramLabel = "GSS", required = true, description = "which authority") String gss;
    @Option(names = "--format", paramLabel = "csv|oruk", defaultValue = "csv", description = "the CSV template, or Open Referral UK 3.0 JSON (default csv)")
    String format;
    @Option(names = "--out", paramLabel = "DIR", defaultValue = ".", description = "where to write (default .)") Path dir;

    @Override
    public Integer call() throws Exception {
        if (!format.equals("csv") && !format.equals("oruk")) throw new UsageException("--format must be csv or oruk, got '" + format + "'");
        Files.createDirectories(dir);
        try (Store store = data.openStore()) {
            Authority authority = store.authority(gss).orElseThrow(() -> new UsageException("unknown authority GSS code '" + gss + "'"));
            List<Service> services = store.servicesOf(gss);
            List<Entitlement> entitlements = store.entitlements(gss);
            if (format.equals("csv")) {
                Path sf = dir.resolve(gss + "-services.csv"), ef = dir.resolve(gss + "-entitlements.csv");
                try (Writer w = Files.newBufferedWriter(sf)) { OfferCsvWriter.services(services, w); }
                try (Writer w = Files.newBufferedWriter(ef)) { OfferCsvWriter.entitlements(entitlements, w); }
                root.out.println("wrote " + services.size() + " services to " + sf + " and " + entitlements.size() + " entitlements to " + ef);
            } else {
                Oruk oruk = new Oruk(Importer.vocabulary(DataFiles.embedded()), code -> store.authority(code).orElse(null),
                        Weights.DEFAULT.staleMonths(), root.clock);
                List<OrukJson.Service> contents = services.stream().map(s -> oruk.service(s, "en", true)).toList();
                Path f = dir.resolve(gss + "-services.json");
                JsonBody.MAPPER.writerWithDefaultPrettyPrinter()
                        .writeValue(f.toFile(), Pages.of(contents, contents.size(), new Paging(1, Math.max(1, contents.size()))));
                root.out.println("wrote " + services.size() + " services of " + authority.name() + " to " + f
                        + " (entitlements have no ORUK form: use --format csv for them)");
            }
        }
        return 0;
    }
}
