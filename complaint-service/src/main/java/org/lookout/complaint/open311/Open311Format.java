package org.lookout.complaint.open311;

import java.util.Optional;

/**
 * The two formats every Open311 resource is served in, chosen by the extension of the path ({@code services.xml},
 * {@code services.json}); XML is the one the spec requires, and the one errors fall back to.
 */
public enum Open311Format {

    XML("xml", "text/xml; charset=utf-8"),
    JSON("json", "application/json; charset=utf-8");

    private final String extension;
    private final String contentType;

    Open311Format(String extension, String contentType) {
        this.extension = extension;
        this.contentType = contentType;
    }

    public String extension() {
        return extension;
    }

    /** The exact {@code Content-Type} of an answer, as the spec's examples give it. */
    public String contentType() {
        return contentType;
    }

    /** The media type without parameters, as discovery lists it. */
    public String mediaType() {
        return contentType.substring(0, contentType.indexOf(';'));
    }

    /** The format of an extension; empty for any other. */
    public static Optional<Open311Format> of(String extension) {
        for (Open311Format format : values()) {
            if (format.extension.equals(extension)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }

    /** The format a path asks for by its extension, XML when it names none of ours (the spec's required format). */
    public static Open311Format ofPath(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 || dot < path.lastIndexOf('/') ? XML : of(path.substring(dot + 1)).orElse(XML);
    }
}
