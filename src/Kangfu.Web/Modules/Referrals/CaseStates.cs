namespace Kangfu.Web.Modules.Referrals;

/// <summary>Chinese names of states and actions, as the national modules call them.</summary>
public static class CaseStates
{
    private static readonly Dictionary<CaseState, string> StateNames = new()
    {
        [CaseState.AwaitingInstitutionAssessment] = "待机构评估",
        [CaseState.InstitutionAssessing] = "机构评估中",
        [CaseState.AwaitingHomeAssessment] = "待辅具上门评估",
        [CaseState.HomeAssessing] = "辅具上门评估中",
        [CaseState.Screening] = "筛查评估中",
        [CaseState.AwaitingDeviceReview] = "待辅具审核",
        [CaseState.AwaitingProsthesisReview] = "待假肢矫形器审核",
        [CaseState.AwaitingAccessibilityReview] = "待无障碍审核",
        [CaseState.InReview] = "审核中",
        [CaseState.AwaitingReassessment] = "待重新评估",
        [CaseState.AwaitingService] = "待康复服务",
        [CaseState.AwaitingDeviceService] = "待辅具服务",
        [CaseState.AwaitingProsthesisService] = "待假矫服务",
        [CaseState.AwaitingRetrofit] = "待无障碍改造",
        [CaseState.Served] = "已服务",
        [CaseState.Dispensed] = "辅具已发放",
        [CaseState.Fitted] = "假肢矫形器已装配",
        [CaseState.Retrofitted] = "无障碍改造已完成",
        [CaseState.FollowUpDue] = "待回访",
        [CaseState.Closed] = "已结案",
        [CaseState.NoNeed] = "无需求",
        [CaseState.Declined] = "不同意改造",
        [CaseState.ReferredToDevice] = "已转辅具审核",
        [CaseState.Withdrawn] = "已撤回",
        [CaseState.Cancelled] = "已作废",
    };

    private static readonly Dictionary<CaseAction, string> ActionNames = new()
    {
        [CaseAction.Route] = "入户转介",
        [CaseAction.StartInstitutionAssessment] = "开始机构评估",
        [CaseAction.ReferToService] = "转介康复服务",
        [CaseAction.ReferToDeviceReview] = "转介辅具审核",
        [CaseAction.StartHomeAssessment] = "开始上门评估",
        [CaseAction.SubmitHomeAssessment] = "提交上门评估",
        [CaseAction.SubmitScreening] = "提交筛查评估",
        [CaseAction.ScreeningNoNeed] = "无装配或改造需求",
        [CaseAction.DeclineRetrofit] = "不同意改造",
        [CaseAction.StartReview] = "开始审核",
        [CaseAction.ReviewPass] = "审核通过",
        [CaseAction.ReviewPassModified] = "修改后通过",
        [CaseAction.ReviewReassess] = "重新评估",
        [CaseAction.ReviewReject] = "审核未通过",
        [CaseAction.CompleteReassessment] = "完成重新评估",
        [CaseAction.MarkServed] = "已服务",
        [CaseAction.CompleteDispensing] = "辅具发放完成",
        [CaseAction.CompleteFitting] = "装配完成",
        [CaseAction.CompleteRetrofit] = "改造完成",
        [CaseAction.FollowUpDue] = "进入回访",
        [CaseAction.Close] = "结案",
        [CaseAction.RecordFollowUp] = "记录回访",
        [CaseAction.Withdraw] = "撤回",
        [CaseAction.Cancel] = "作废",
    };

    public static string Name(CaseState state) => StateNames[state];

    public static string ActionName(CaseAction action) => ActionNames[action];
}
