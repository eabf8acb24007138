package org.lookout.complaint.taxonomy;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.lookout.complaint.domain.ItemQuestion;

/**
 * An administrator's extra questions of an item, as they shall be, in display order (Open311 offers them as the
 * service's attributes). A list question has its options; the other datatypes have none.
 */
public record EditQuestionsRequest(@NotNull @Size(max = 20) List<@NotNull @Valid Question> questions) {

    public record Question(
            @NotBlank @Pattern(regexp = "[A-Z][A-Z0-9_]{0,31}", message = "must be 1 to 32 capitals, digits or _,"
                    + " starting with a capital") String code,
            @NotNull ItemQuestion.Datatype datatype,
            @NotNull Boolean required,
            @NotBlank @Size(max = 200) String promptZh,
            @NotBlank @Size(max = 200) String promptEn,
            @Size(max = 200) String hintZh,
            @Size(max = 200) String hintEn,
            @Size(max = 50) List<@NotNull @Valid Option> options) {
    }

    public record Option(
            @NotBlank @Pattern(regexp = "[A-Za-z0-9_.-]{1,40}", message = "must be 1 to 40 letters, digits, _ . or -")
            String key,
            @NotBlank @Size(max = 100) String nameZh,
            @NotBlank @Size(max = 100) String nameEn) {
    }
}
