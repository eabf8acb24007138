package org.lookout.cadre.notice;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Why a notice is withdrawn; kept with it. */
@Schema(name = "WithdrawNotice")
public record WithdrawNoticeRequest(@NotBlank @Size(max = 500) String reason) {
}
