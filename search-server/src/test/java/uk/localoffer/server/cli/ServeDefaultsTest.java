package uk.localoffer.server.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.net.InetAddress;
import java.time.Clock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 16: the server listened on every interface. {@code serve} listens on this computer only unless --host says otherwise. */
class ServeDefaultsTest {
    static ServeCommand parse(String... args) {
        CommandLine.ParseResult r = new CommandLine(new LocalOffer(System.out, System.err, Clock.systemUTC())).parseArgs(args);
        return (ServeCommand) r.subcommand().commandSpec().userObject();
    }

    @Test
    void serveListensOnLoopbackOnlyByDefault() throws Exception {
        ServeCommand serve = parse("serve");
        assertEquals("127.0.0.1", serve.host);
        assertTrue(InetAddress.getByName(serve.host).isLoopbackAddress());
        assertEquals("0.0.0.0", parse("serve", "--host", "0.0.0.0").host, "every interface only when asked");
    }
}
