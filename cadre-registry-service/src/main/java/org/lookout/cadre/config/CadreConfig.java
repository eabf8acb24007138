package org.lookout.cadre.config;

import java.time.ZoneId;
import java.util.Set;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.lookout.contracts.Outcome;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "lookout.cadre")
public interface CadreConfig {

    /** The taxonomy item whose reports are supervision information about officials (ARCHITECTURE §4). */
    @WithDefault("cadre-conduct")
    String tipOffItemCode();

    /**
     * The last page a list answers; with {@link #pageLimit()} at most 1,000 the first row of any page stays within an
     * {@code int} (a billion rows, more than any street's registry).
     */
    int MAX_PAGE = 1_000_000;

    /** Most rows one list answers. */
    @WithDefault("200")
    @Min(1)
    @Max(1000)
    int pageLimit();

    /** The zone of the working calendar and of dates on forms. */
    @WithDefault("Asia/Shanghai")
    ZoneId zone();

    /** 12388: a real-name reporter is told the record was accepted within this many working days of receipt. */
    @WithDefault("15")
    int acceptanceWorkingDays();

    /** 12388: a record is sent up to the discipline organ (or accepted here) within this many working days of receipt. */
    @WithDefault("5")
    int forwardingWorkingDays();

    /** An integrity opinion is due this many working days after the request unless the inspector says otherwise. */
    @WithDefault("5")
    int opinionWorkingDays();

    @WithDefault("30")
    int maxOpinionWorkingDays();

    /** An official registered this many days ago without a commitment letter is listed. */
    @WithDefault("30")
    int commitmentGraceDays();

    @WithDefault("5242880")
    long commitmentMaxBytes();

    /** The discipline organ's outcomes that find supervision information true (a CONCERN entry in the archive). */
    @WithDefault("PENALISED,CASE_OPENED,HANDLED")
    Set<Outcome> substantiatedOutcomes();

    /** Most audit rows one report answers. */
    @WithDefault("1000")
    int auditReportMaxRows();

    /** How often deadlines still to compute are asked of the calendar and missed limits announced; {@code off} in tests. */
    @WithDefault("30s")
    String timeLimitInterval();

    Imports imports();

    Body body();

    interface Imports {

        /** Rows per transaction: a batch is wholly imported or not at all. */
        @WithDefault("500")
        int batchSize();

        @WithDefault("10485760")
        long maxBytes();

        /** How often running jobs that stopped (a restart, a database outage) are taken up again; {@code off} in tests. */
        @WithDefault("30s")
        String resumeInterval();
    }

    interface Body {

        /** Every request body but an upload. */
        @WithDefault("65536")
        long maxBytes();
    }
}
