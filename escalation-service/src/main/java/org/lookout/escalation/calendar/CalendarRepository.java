package org.lookout.escalation.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import org.hibernate.reactive.mutiny.Mutiny;
import org.lookout.escalation.domain.CalendarDay;
import org.lookout.escalation.domain.NoticeDay;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class CalendarRepository {

    public Uni<List<Integer>> loadedYears() {
        return session().chain(session -> session
                .createSelectionQuery("select year from CalendarYear order by year", Integer.class).getResultList());
    }

    public Uni<List<CalendarDay>> days() {
        return session().chain(session -> session
                .createSelectionQuery("from CalendarDay order by day", CalendarDay.class).getResultList());
    }

    /** The stored row of a day, locked until the transaction ends; null when the weekday rule alone decides it. */
    public Uni<CalendarDay> dayForUpdate(LocalDate day) {
        return session().chain(session -> session.find(CalendarDay.class, day, LockModeType.PESSIMISTIC_WRITE));
    }

    public Uni<Void> persist(CalendarDay day) {
        return session().chain(session -> session.persist(day));
    }

    public Uni<Void> remove(CalendarDay day) {
        return session().chain(session -> session.remove(day));
    }

    /**
     * Stores the days of a year's notice and marks the year loaded, in one statement each. A day that is already there
     * (an administrator's override, or a concurrent seed by another instance) is left as it is.
     */
    public Uni<Void> seed(int year, List<NoticeDay> days, Instant now) {
        return session().chain(session -> insertDays(session, days, now)
                .chain(() -> session.createNativeQuery("insert into calendar_year (year, source, loaded_at)"
                        + " values (:year, 'SEED', :now) on conflict do nothing")
                        .setParameter("year", year)
                        .setParameter("now", now)
                        .executeUpdate()))
                .replaceWithVoid();
    }

    private static Uni<Integer> insertDays(Mutiny.Session session, List<NoticeDay> days, Instant now) {
        if (days.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        StringBuilder sql = new StringBuilder("insert into calendar_day (day, kind, name, source, updated_at) values ");
        for (int i = 0; i < days.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(:d%1$d, :k%1$d, :n%1$d, 'SEED', :now)".formatted(i));
        }
        var insert = session.createNativeQuery(sql.append(" on conflict do nothing").toString());
        for (int i = 0; i < days.size(); i++) {
            NoticeDay day = days.get(i);
            insert.setParameter("d" + i, day.date())
                    .setParameter("k" + i, day.kind().name())
                    .setParameter("n" + i, day.name());
        }
        return insert.setParameter("now", now).executeUpdate();
    }

    private static Uni<Mutiny.Session> session() {
        return Panache.getSession();
    }
}
