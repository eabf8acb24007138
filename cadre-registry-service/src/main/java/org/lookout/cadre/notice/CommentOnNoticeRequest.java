package org.lookout.cadre.notice;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A resident's or lookout's comment on a notice, named (real-name, told of the result) or anonymous. */
@Schema(name = "CommentOnNotice")
public record CommentOnNoticeRequest(@NotBlank @Size(max = 4000) String text, @NotNull Boolean anonymous) {
}
