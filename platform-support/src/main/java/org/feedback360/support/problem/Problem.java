package org.feedback360.support.problem;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An RFC 9457 problem detail: the one error shape of every Feedback360 API.
 * Extension members (for example per-field {@code errors}) are serialised at the top level.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class Problem {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://feedback360.org/problems/";

    private final URI type;
    private final String title;
    private final int status;
    private final String detail;
    private URI instance;
    private final Map<String, Object> extensions = new LinkedHashMap<>();

    private Problem(String slug, String title, int status, String detail) {
        this.type = slug == null ? null : URI.create(TYPE_BASE + slug);
        this.title = title;
        this.status = status;
        this.detail = detail;
    }

    /** A problem whose {@code type} is {@code https://feedback360.org/problems/<slug>}. */
    public static Problem of(Response.StatusType status, String slug, String detail) {
        return new Problem(slug, status.getReasonPhrase(), status.getStatusCode(), detail);
    }

    public static Problem of(int status, String slug, String title, String detail) {
        return new Problem(slug, title, status, detail);
    }

    public Problem with(String member, Object value) {
        extensions.put(member, value);
        return this;
    }

    public Problem instance(URI instance) {
        this.instance = instance;
        return this;
    }

    public URI getType() { return type; }
    public String getTitle() { return title; }
    public int getStatus() { return status; }
    public String getDetail() { return detail; }
    public URI getInstance() { return instance; }

    @JsonAnyGetter
    public Map<String, Object> getExtensions() { return extensions; }

    public Response toResponse() {
        return Response.status(status).type(MEDIA_TYPE).entity(this).build();
    }
}
