package org.lookout.gateway.dashboard;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.Message;

/** The dashboard's words in Chinese (zh-CN). */
@Localized("zh-CN")
public interface DashboardMessagesZh extends DashboardMessages {

    @Override
    @Message("街道监督看板")
    String title();

    @Override
    @Message("跳到数据")
    String skip();

    @Override
    @Message("语言")
    String language();

    @Override
    @Message("退出登录")
    String signOut();

    @Override
    @Message("月份")
    String month();

    @Override
    @Message("社区")
    String community();

    @Override
    @Message("街道全部社区")
    String allCommunities();

    @Override
    @Message("查看")
    String show();

    @Override
    @Message("本月数据")
    String figures();

    @Override
    @Message("诉求数")
    String reports();

    @Override
    @Message("按时到场率")
    String response();

    @Override
    @Message("办结率")
    String resolution();

    @Override
    @Message("满意率")
    String satisfaction();

    @Override
    @Message("已超时")
    String breached();

    @Override
    @Message("预警")
    String warned();

    @Override
    @Message("合计")
    String total();

    @Override
    @Message("各社区")
    String perCommunity();

    @Override
    @Message("各类别")
    String perCategory();

    @Override
    @Message("各类别诉求数")
    String reportsPerCategory();

    @Override
    @Message("每个比率：应办诉求中的占比，附分子与分母；尚无应办时显示 —。")
    String ratesExplained();

    @Override
    @Message("时限看板")
    String board();

    @Override
    @Message("未办结诉求")
    String openReports();

    @Override
    @Message("待处理督办")
    String escalationsWaiting();

    @Override
    @Message("逾期督办")
    String escalationsOverdue();

    @Override
    @Message("当前超时或预警的时限")
    String clocks();

    @Override
    @Message("没有超时或预警。")
    String noClocks();

    @Override
    @Message("诉求")
    String report();

    @Override
    @Message("事项")
    String item();

    @Override
    @Message("时限")
    String clock();

    @Override
    @Message("状态")
    String state();

    @Override
    @Message("截止")
    String due();

    @Override
    @Message("状态")
    String status();

    @Override
    @Message("受理时间")
    String received();

    @Override
    @Message("工单列表")
    String worklist();

    @Override
    @Message("超时诉求")
    String breachedReports();

    @Override
    @Message("工单列表为空。")
    String emptyWorklist();

    @Override
    @Message("诉求多于所示：请缩小筛选范围。")
    String moreReports();

    @Override
    @Message("返回看板")
    String back();

    @Override
    @Message("标题")
    String reportTitle();

    @Override
    @Message("地址")
    String address();

    @Override
    @Message("响应截止")
    String responseDue();

    @Override
    @Message("响应超时")
    String responseBreached();

    @Override
    @Message("办结截止")
    String resolutionDue();

    @Override
    @Message("办结超时")
    String resolutionBreached();

    @Override
    @Message("类别")
    String category();

    @Override
    @Message("渠道")
    String channel();

    @Override
    @Message("这部分数据暂不可用（应答 {status}）；页面其余部分为最新。")
    String unavailable(int status);

    @Override
    @Message("本页面仅供街道纪工委与社区工作人员使用。")
    String forbidden();

    @Override
    @Message("当前用户")
    String signedInAs();

    @Override
    @Message("条形图")
    String chart();

    @Override
    @Message("无数据")
    String noData();
}
