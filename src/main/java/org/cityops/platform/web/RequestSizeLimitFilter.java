package org.cityops.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits non-multipart bodies (JSON, form posts) to {@code cityops.web.max-body-bytes} (1 MiB) with a 413 problem
 * detail. A declared {@code Content-Length} over the limit is refused before anything reads the body; a body of
 * unknown length (chunked) or one longer than it declared is counted as it is read, and reading past the limit
 * fails, so the request ends in the same 413 whoever was reading (the JSON converter, a controller). Form
 * parameters are parsed by the servlet container, which applies {@code server.tomcat.max-http-form-post-size}
 * (the same 1 MiB) to chunked forms too and answers 413 itself. Multipart uploads have their own limits
 * (spring.servlet.multipart.*).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class RequestSizeLimitFilter extends OncePerRequestFilter {

    private final long maxBytes;

    public RequestSizeLimitFilter(@Value("${cityops.web.max-body-bytes:1048576}") long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** Thrown by the counted body when a read goes past the limit. */
    public static final class BodyTooLargeException extends IOException {

        BodyTooLargeException(long limit) {
            super("request body larger than " + limit + " bytes");
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String type = request.getContentType();
        boolean multipart = type != null && type.toLowerCase().startsWith("multipart/");
        if (multipart) {
            chain.doFilter(request, response);
            return;
        }
        if (request.getContentLengthLong() > maxBytes) {
            tooLarge(response);
            return;
        }
        CountedBody counted = new CountedBody(request, maxBytes);
        try {
            chain.doFilter(counted, response);
        } catch (ServletException | IOException | RuntimeException e) {
            if (!counted.exceeded()) {
                throw e;
            }
        }
        if (counted.exceeded() && !response.isCommitted()) {
            // whoever read the body turned the failed read into their own error (often a 400): the cause is the size
            response.reset();
            tooLarge(response);
        }
    }

    private void tooLarge(HttpServletResponse response) throws IOException {
        response.setStatus(413);
        response.setHeader("Connection", "close");
        response.setContentType("application/problem+json;charset=UTF-8");
        response.getWriter()
                .write("{\"type\":\"https://cityops.org/problems/413\",\"title\":\"Content Too Large\","
                        + "\"status\":413,\"detail\":\"请求体过大 request body larger than " + maxBytes + " bytes\"}");
    }

    /** The request with a body that counts the bytes read and refuses to go past the limit. */
    static final class CountedBody extends HttpServletRequestWrapper {

        private final long limit;
        private long read;
        private boolean exceeded;
        private ServletInputStream stream;
        private BufferedReader reader;

        CountedBody(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        boolean exceeded() {
            return exceeded;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                ServletInputStream in = super.getInputStream();
                stream = new ServletInputStream() {
                    @Override
                    public int read() throws IOException {
                        int b = in.read();
                        if (b >= 0) {
                            count(1);
                        }
                        return b;
                    }

                    @Override
                    public int read(byte[] buf, int off, int len) throws IOException {
                        int n = in.read(buf, off, (int) Math.min(len, limit - read + 1));
                        if (n > 0) {
                            count(n);
                        }
                        return n;
                    }

                    @Override
                    public boolean isFinished() {
                        return in.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return in.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        in.setReadListener(listener);
                    }
                };
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            if (reader == null) {
                String encoding = getCharacterEncoding();
                Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
                reader = new BufferedReader(new InputStreamReader(getInputStream(), charset));
            }
            return reader;
        }

        private void count(int n) throws BodyTooLargeException {
            read += n;
            if (read > limit) {
                exceeded = true;
                throw new BodyTooLargeException(limit);
            }
        }
    }
}
