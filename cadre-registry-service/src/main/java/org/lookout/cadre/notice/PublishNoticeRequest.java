package org.lookout.cadre.notice;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.lookout.contracts.NoticeKind;

/** A notice about an official, published in the official's community, with its comment window {@code [start, end)}. */
@Schema(name = "PublishNotice")
public record PublishNoticeRequest(
        @NotNull UUID officialId,
        @NotNull NoticeKind kind,
        @NotBlank @Size(max = 200) String title,
        @NotBlank @Size(max = 4000) String body,
        @NotNull Instant windowStart,
        @NotNull Instant windowEnd) {
}
