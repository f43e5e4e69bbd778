namespace Kangfu.Web.Modules.Registry;

/// <summary>
/// A disability certificate number: the 18-character ID + category digit (1–7) + grade digit (1–4),
/// optionally followed by "B" and a reissue count 1–9 (22 characters). domain.md §3.2.
/// </summary>
public sealed record CertificateNumber(ResidentId Id, DisabilityCategory Category, int Grade, int ReissueCount)
{
    /// <summary>The 20-character base number that is stored.</summary>
    public string Value => $"{Id.Value}{(int)Category}{Grade}";

    public static bool TryParse(string? input, DateOnly today, out CertificateNumber? number, out string error)
    {
        number = null;
        var value = (input ?? string.Empty).Trim().ToUpperInvariant();
        if (value.Length == 0)
        {
            error = "残疾证号不能为空";
            return false;
        }
        if (value.Length is not (20 or 22))
        {
            error = $"残疾证号应为20位（补办证为22位），实际为{value.Length}位";
            return false;
        }
        if (!ResidentId.TryParse(value[..18], today, out var id, out var idError))
        {
            error = "残疾证号前18位不是有效身份证号：" + idError;
            return false;
        }
        var category = value[18] - '0';
        var grade = value[19] - '0';
        if (category is < 1 or > 7)
        {
            error = "残疾证号第19位（残疾类别）应为1-7";
            return false;
        }
        if (grade is < 1 or > 4)
        {
            error = "残疾证号第20位（残疾等级）应为1-4";
            return false;
        }
        var reissue = 0;
        if (value.Length == 22 && (value[20] != 'B' || value[21] is < '1' or > '9'))
        {
            error = "补办残疾证号第21-22位应为B加1-9的补办次数";
            return false;
        }
        if (value.Length == 22)
        {
            reissue = value[21] - '0';
        }
        number = new CertificateNumber(id!, (DisabilityCategory)category, grade, reissue);
        error = string.Empty;
        return true;
    }
}
