using System.Globalization;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace Kangfu.Web.Platform.Localization;

/// <summary>MudBlazor ships no Chinese; these are the component texts our pages show.</summary>
internal sealed class ChineseMudLocalizer : MudLocalizer
{
    private static readonly Dictionary<string, string> Zh = new(StringComparer.Ordinal)
    {
        ["MudDataGrid_Contains"] = "包含",
        ["MudDataGrid_Equals"] = "等于",
        ["MudDataGrid_Filter"] = "筛选",
        ["MudDataGrid_FilterValue"] = "筛选值",
        ["MudDataGrid_Sort"] = "排序",
        ["MudDataGrid_Unsort"] = "取消排序",
        ["MudDataGrid_Loading"] = "正在加载…",
        ["MudDataGrid_NoRecords"] = "没有记录",
        ["MudDataGrid_Clear"] = "清除",
        ["MudDataGrid_Apply"] = "应用",
        ["MudDataGrid_Cancel"] = "取消",
        ["MudDataGrid_Columns"] = "列",
        ["MudDataGrid_Hide"] = "隐藏",
        ["MudDataGrid_ShowAll"] = "全部显示",
        ["MudDataGrid_HideAll"] = "全部隐藏",
        ["MudDataGrid_RefreshData"] = "刷新",
        ["MudDataGrid_Save"] = "保存",
        ["MudDataGrid_AddFilter"] = "添加筛选",
        ["MudDataGrid_Column"] = "列",
        ["MudDataGrid_Value"] = "值",
        ["MudDataGrid_Operator"] = "运算符",
        ["MudTablePager_Rows"] = "每页行数",
        ["MudTablePager_Of"] = "共",
        ["MudDataGridPager_RowsPerPage"] = "每页行数:",
        ["MudDataGridPager_InfoFormat"] = "第 {first_item}-{last_item} 条，共 {all_items} 条",
        ["MudDataGridPager_FirstPage"] = "首页",
        ["MudDataGridPager_PreviousPage"] = "上一页",
        ["MudDataGridPager_NextPage"] = "下一页",
        ["MudDataGridPager_LastPage"] = "末页",
        ["MudTablePager_FirstPage"] = "首页",
        ["MudTablePager_PreviousPage"] = "上一页",
        ["MudTablePager_NextPage"] = "下一页",
        ["MudTablePager_LastPage"] = "末页",
        ["MudTablePager_InfoFormat"] = "第 {first_item}-{last_item} 条，共 {all_items} 条",
        ["MudTablePager_RowsPerPage"] = "每页行数:",
        ["MudTable_Loading"] = "正在加载…",
        ["MudDialog_Close"] = "关闭",
        ["MudSnackbar_Close"] = "关闭",
        ["MudAlert_Close"] = "关闭",
        ["MudDatePicker_Clear"] = "清除",
        ["MudDatePicker_Cancel"] = "取消",
        ["MudDatePicker_Ok"] = "确定",
        ["MudDatePicker_Today"] = "今天",
        ["MudFileUpload_Select"] = "选择文件",
        ["MudBaseDatePicker_Open"] = "打开日期选择器",
        ["MudBaseDatePicker_NextMonth"] = "下个月",
        ["MudBaseDatePicker_PrevMonth"] = "上个月",
        ["MudBaseDatePicker_NextYear"] = "下一年",
        ["MudBaseDatePicker_PrevYear"] = "上一年",
        ["MudTimePicker_Open"] = "打开时间选择器",
        ["MudBreadcrumbs_Label"] = "面包屑导航",
        ["MudChip_Close"] = "移除",
        ["MudFormComponent_Required"] = "必填",
        ["MudInput_Clear"] = "清除",
        ["MudInput_Increment"] = "增加",
        ["MudInput_Decrement"] = "减少",
        ["MudNavGroup_ToggleExpand"] = "展开或收起{0}",
        ["MudPagination_CurrentPage"] = "当前页，第{0}页",
        ["MudPagination_PageIndex"] = "第{0}页",
        ["MudPagination_FirstPage"] = "首页",
        ["MudPagination_PreviousPage"] = "上一页",
        ["MudPagination_NextPage"] = "下一页",
        ["MudPagination_LastPage"] = "末页",
        ["MudDataGridPager_AllItems"] = "全部",
        ["MudSelect_SelectAll"] = "全选",
        ["MudTable_SelectAllRows"] = "全选",
        ["MudTable_SelectRow"] = "选择此行",
        ["MudTable_ExpandGroup"] = "展开分组",
        ["MudTable_CollapseGroup"] = "收起分组",
        ["MudTreeView_ExpandItem"] = "展开",
        ["MudTreeView_CollapseItem"] = "收起",
        ["Converter_InvalidDateTime"] = "日期格式不正确，请按 年-月-日（如 2026-01-05）填写",
        ["Converter_InvalidNumber"] = "请输入数字",
        ["Converter_InvalidBoolean"] = "值不正确",
        ["Converter_InvalidGUID"] = "标识格式不正确",
        ["Converter_InvalidTimeSpan"] = "时间格式不正确",
        ["Converter_InvalidType"] = "输入格式不正确",
        ["Converter_NotValueOf"] = "输入的值不在可选范围内",
        ["Converter_ConversionError"] = "输入格式不正确",
        ["Converter_ConversionFailed"] = "输入格式不正确",
        ["Converter_UnableToConvert"] = "输入格式不正确",
        ["Converter_ConversionNotImplemented"] = "输入格式不正确",
    };

    // MudLocalizer's own indexers call each other: both are overridden and neither calls base.
    public override LocalizedString this[string key] => this[key, []];

    public override LocalizedString this[string key, params object[] arguments]
    {
        get
        {
            var zh = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "zh";
            return zh && Zh.TryGetValue(key, out var value)
                ? new LocalizedString(key, Format(value, arguments))
                : new LocalizedString(key, key, resourceNotFound: true);
        }
    }

    /// <summary>Fills {0}-style placeholders; without arguments they are dropped rather than shown.</summary>
    private static string Format(string value, object[] arguments) => arguments.Length == 0
        ? value.Replace("{0}", string.Empty, StringComparison.Ordinal)
        : string.Format(CultureInfo.CurrentCulture, value, arguments);
}
