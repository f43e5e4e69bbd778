namespace Kangfu.Web.Modules.Registry.SavePerson;

/// <summary>Chinese names of the person fields an edit can change, for the timeline ("修改了：联系电话、地址").</summary>
internal static class PersonFieldNames
{
    private static readonly (string Property, string Name)[] Names =
    [
        (nameof(Person.Name), "姓名"),
        (nameof(Person.IdNumber), "身份证号"),
        (nameof(Person.TargetType), "对象类别"),
        (nameof(Person.CertificateNumber), "残疾证号"),
        (nameof(Person.Category), "残疾类别"),
        (nameof(Person.Categories), "残疾类别"),
        (nameof(Person.Grade), "残疾等级"),
        (nameof(Person.CertificateIssueDate), "发证日期"),
        (nameof(Person.AreaCode), "所属社区"),
        (nameof(Person.Address), "地址"),
        (nameof(Person.Phone), "联系电话"),
        (nameof(Person.GuardianName), "监护人"),
        (nameof(Person.GuardianRelation), "监护人"),
        (nameof(Person.GuardianPhone), "监护人"),
        (nameof(Person.BankAccount), "银行账号"),
        (nameof(Person.Diagnosis), "诊断"),
    ];

    public static string Describe(IEnumerable<string> properties)
    {
        var changed = properties.ToHashSet(StringComparer.Ordinal);
        return string.Join("、", Names.Where(n => changed.Contains(n.Property)).Select(n => n.Name).Distinct());
    }
}
