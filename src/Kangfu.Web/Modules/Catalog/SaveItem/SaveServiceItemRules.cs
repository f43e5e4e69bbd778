namespace Kangfu.Web.Modules.Catalog.SaveItem;

/// <summary>Shape checks of an item edit, one Chinese message per field.</summary>
public static class SaveServiceItemRules
{
    public static Dictionary<string, string> Validate(SaveServiceItemInput input)
    {
        var e = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(input.Code) || input.Code.Trim().Length > 20)
        {
            e[nameof(input.Code)] = "请填写项目编码（不超过20个字符）";
        }
        if (string.IsNullOrWhiteSpace(input.Name) || input.Name.Trim().Length > 100)
        {
            e[nameof(input.Name)] = "请填写项目名称（不超过100个字）";
        }
        if (input.SubsidyAmount < 0)
        {
            e[nameof(input.SubsidyAmount)] = "补助标准不能为负数";
        }
        if (input.YearlyCap < 0)
        {
            e[nameof(input.YearlyCap)] = "年度上限不能为负数";
        }
        if (input.AgeMin is < 0 or > 120 || input.AgeMax is < 0 or > 120)
        {
            e[nameof(input.AgeMin)] = "年龄须在0–120岁之间";
        }
        else if (input.AgeMin > input.AgeMax)
        {
            e[nameof(input.AgeMax)] = "最大年龄不能小于最小年龄";
        }
        if (input.MaxGrade is < 1 or > 4)
        {
            e[nameof(input.MaxGrade)] = "等级上限须为一级至四级";
        }
        if (input.MaxMonthsPerYear is < 1 or > 12)
        {
            e[nameof(input.MaxMonthsPerYear)] = "每年月数须在1–12之间";
        }
        if (input.ServiceLifeMonths is < 1 or > 600)
        {
            e[nameof(input.ServiceLifeMonths)] = "使用年限须在1–600个月之间";
        }
        if (input.EffectiveTo < input.EffectiveFrom)
        {
            e[nameof(input.EffectiveTo)] = "失效日期不能早于生效日期";
        }
        if (input.Notes?.Length > 500)
        {
            e[nameof(input.Notes)] = "备注不超过500个字";
        }
        return e;
    }
}
