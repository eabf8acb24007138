package org.lookout.gateway.dashboard;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** The dashboard's words in English ({@code {msg:…}} in its templates); Chinese in {@link DashboardMessagesZh}. */
@MessageBundle(value = "msg", locale = "en")
public interface DashboardMessages {

    @Message("Street dashboard")
    String title();

    @Message("Skip to the figures")
    String skip();

    @Message("Language")
    String language();

    @Message("Sign out")
    String signOut();

    @Message("Month")
    String month();

    @Message("Community")
    String community();

    @Message("All communities of the street")
    String allCommunities();

    @Message("Show")
    String show();

    @Message("The month's figures")
    String figures();

    @Message("Reports")
    String reports();

    @Message("On site in time")
    String response();

    @Message("Resolved")
    String resolution();

    @Message("Satisfied")
    String satisfaction();

    @Message("Breached")
    String breached();

    @Message("Warned")
    String warned();

    @Message("Total")
    String total();

    @Message("Per community")
    String perCommunity();

    @Message("Per category")
    String perCategory();

    @Message("Reports per category")
    String reportsPerCategory();

    @Message("Each rate: share of the reports due, with its numerator and denominator; — when nothing is due yet.")
    String ratesExplained();

    @Message("SLA board")
    String board();

    @Message("Open reports")
    String openReports();

    @Message("Escalations waiting")
    String escalationsWaiting();

    @Message("Escalations overdue")
    String escalationsOverdue();

    @Message("Clocks breached or warned now")
    String clocks();

    @Message("Nothing is breached or warned.")
    String noClocks();

    @Message("Report")
    String report();

    @Message("Item")
    String item();

    @Message("Clock")
    String clock();

    @Message("State")
    String state();

    @Message("Due")
    String due();

    @Message("Status")
    String status();

    @Message("Received")
    String received();

    @Message("Worklist")
    String worklist();

    @Message("Breached reports")
    String breachedReports();

    @Message("The worklist is empty.")
    String emptyWorklist();

    @Message("More reports than shown: narrow the filter.")
    String moreReports();

    @Message("Back to the dashboard")
    String back();

    @Message("Title")
    String reportTitle();

    @Message("Address")
    String address();

    @Message("Response due")
    String responseDue();

    @Message("Response breached")
    String responseBreached();

    @Message("Resolution due")
    String resolutionDue();

    @Message("Resolution breached")
    String resolutionBreached();

    @Message("Category")
    String category();

    @Message("Channel")
    String channel();

    @Message("These figures are unavailable right now (answer {status}); the rest of the page is current.")
    String unavailable(int status);

    @Message("This page is for the street's supervisors and the communities' staff.")
    String forbidden();

    @Message("Signed in as")
    String signedInAs();

    @Message("bar chart")
    String chart();

    @Message("no data")
    String noData();
}
