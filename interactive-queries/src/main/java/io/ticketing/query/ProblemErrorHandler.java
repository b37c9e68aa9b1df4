package io.ticketing.query;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Requests Jetty refuses before they reach a route (an illegal or ambiguous URI such as {@code %00})
 * get a problem body too, instead of Jetty's HTML error page.
 */
final class ProblemErrorHandler extends ErrorHandler {

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        Reply reply = Errors.fromJavalin(code);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Reply.PROBLEM_JSON);
        response.write(true, ByteBuffer.wrap(reply.body()), callback);
    }
}
