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
    };

    public override LocalizedString this[string key]
    {
        get
        {
            var zh = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "zh";
            return zh && Zh.TryGetValue(key, out var value)
                ? new LocalizedString(key, value)
                : new LocalizedString(key, key, resourceNotFound: true);
        }
    }
}
