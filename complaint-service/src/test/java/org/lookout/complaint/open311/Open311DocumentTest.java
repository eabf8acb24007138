package org.lookout.complaint.open311;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lookout.complaint.open311.Open311Document.group;
import static org.lookout.complaint.open311.Open311Document.repeated;
import static org.lookout.complaint.open311.Open311Document.value;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The two renderings of one document: XML as the spec draws it, JSON by the Spark convention. */
class Open311DocumentTest {

    private static final Open311Document DOCUMENT = Open311Document.of(repeated("things", "thing", List.of(
            group("thing", value("code", "a<b&c>"), value("count", 2), value("ok", true), value("lat", 39.9185),
                    value("none", null), repeated("tags", "tag", List.of(value("tag", "x"), value("tag", "y"))),
                    repeated("empty", "item", List.of()), value("control", "bell\u0007")))));

    @Test
    void xmlEscapesMarkupAndReplacesWhatXmlCannotHold() {
        assertThat(DOCUMENT.xml()).isEqualTo("""
                <?xml version="1.0" encoding="utf-8"?>
                <things>
                  <thing>
                    <code>a&lt;b&amp;c&gt;</code>
                    <count>2</count>
                    <ok>true</ok>
                    <lat>39.9185</lat>
                    <none/>
                    <tags>
                      <tag>x</tag>
                      <tag>y</tag>
                    </tags>
                    <empty/>
                    <control>bell\uFFFD</control>
                  </thing>
                </things>
                """);
    }

    @Test
    void jsonMakesContainersArraysAndEmptyElementsNull() {
        assertThat(DOCUMENT.json().replaceAll("\\s+", "")).isEqualTo("[{\"code\":\"a<b&c>\",\"count\":2,\"ok\":true,"
                + "\"lat\":39.9185,\"none\":null,\"tags\":[\"x\",\"y\"],\"empty\":[],\"control\":\"bell\\u0007\"}]");
    }

    @Test
    void theFormatIsTheExtensionsWithXmlForAnyOther() {
        assertThat(Open311Format.ofPath("/open311/v2/services.json")).isEqualTo(Open311Format.JSON);
        assertThat(Open311Format.ofPath("/open311/v2/services.html")).isEqualTo(Open311Format.XML);
        assertThat(Open311Format.ofPath("/open311/v2.json/services")).isEqualTo(Open311Format.XML);
        assertThat(Open311Format.JSON.contentType()).isEqualTo("application/json; charset=utf-8");
        assertThat(Open311Format.XML.mediaType()).isEqualTo("text/xml");
    }
}
