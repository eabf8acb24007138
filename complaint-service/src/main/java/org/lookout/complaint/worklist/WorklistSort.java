package org.lookout.complaint.worklist;

/**
 * How a worklist is ordered. {@code due}: the earliest due time first, reports without one (finished, or no due time
 * known yet) last, ties by id; {@code received}: the newest first. Both are total orders, so a cursor is a position.
 */
enum WorklistSort {
    DUE("due"), RECEIVED("received");

    private final String parameter;

    WorklistSort(String parameter) {
        this.parameter = parameter;
    }

    String parameter() {
        return parameter;
    }

    static WorklistSort of(String parameter) {
        for (WorklistSort sort : values()) {
            if (sort.parameter.equals(parameter)) {
                return sort;
            }
        }
        return null;
    }
}
