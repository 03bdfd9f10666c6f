package uk.localoffer.server.web;

import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.internal.HttpConnection;

/**
 * HTTP/1.1 connections that remember the target of the request line as it was sent. When Jetty
 * refuses a request before there is one to route (a URI it cannot parse), its error request
 * stands in "/badMessage"; {@link JettyErrors} reads the real target here, to answer an API path
 * with a problem and a page with the error page.
 */
final class RequestTargets extends HttpConnectionFactory {
    RequestTargets(HttpConfiguration config) { super(config); }

    @Override
    public Connection newConnection(Connector connector, EndPoint endPoint) {
        Remembering conn = new Remembering(getHttpConfiguration(), connector, endPoint);
        conn.setUseInputDirectByteBuffers(isUseInputDirectByteBuffers());
        conn.setUseOutputDirectByteBuffers(isUseOutputDirectByteBuffers());
        return configure(conn, connector, endPoint);
    }

    /** The target of the request line being answered, as sent; null when it is not known. */
    static String target(Request request) {
        return request.getConnectionMetaData() instanceof Remembering c ? c.target : null;
    }

    private static final class Remembering extends HttpConnection {
        private volatile String target;

        Remembering(HttpConfiguration config, Connector connector, EndPoint endPoint) { super(config, connector, endPoint); }

        @Override
        protected RequestHandler newRequestHandler() {
            return new RequestHandler() {
                @Override
                public void messageBegin() {
                    target = null;
                    super.messageBegin();
                }

                @Override
                public void startRequest(String method, String uri, HttpVersion version) {
                    target = uri;
                    super.startRequest(method, uri, version);
                }
            };
        }
    }
}
