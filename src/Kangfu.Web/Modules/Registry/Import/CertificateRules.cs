using Kangfu.Web.Modules.Registry.Shared;

namespace Kangfu.Web.Modules.Registry.Import;

/// <summary>对象类别, 残疾证号, 残疾类别/等级 and 多重残疾类别 of one row, checked against each other and the ID number.</summary>
internal static class CertificateRules
{
    private static readonly char[] ListSeparators = ['、', ',', '，', '/', ';', '；', ' ', '和', '+'];

    public static void Check(RowCheck row, DateOnly today)
    {
        var p = row.Person;
        var targetText = row.Text(ColumnKey.TargetType);
        var targetOk = RegistryNames.TryParseTarget(targetText, out var target);
        if (targetText.Length > 0 && !targetOk)
        {
            row.Fail(ColumnKey.TargetType, $"对象类别“{targetText}”应为{RegistryNames.Expected(RegistryNames.Targets)}");
            return;
        }
        p.TargetType = targetText.Length > 0 ? target : row.Map.Has(ColumnKey.TargetType) ? TargetType.Certified : row.Existing?.TargetType ?? TargetType.Certified;
        var certificate = Certificate(row, today);
        if (!ParseCategory(row, out var category, out var grade))
        {
            return;
        }
        if (certificate is not null)
        {
            CompareWithCertificate(row, certificate, ref category, ref grade);
        }
        else if (p.TargetType == TargetType.Certified && (row.Map.Has(ColumnKey.CertificateNumber) || row.Existing is null))
        {
            row.Fail(ColumnKey.CertificateNumber, "对象类别为持证残疾人时必须填写残疾证号");
        }
        p.Category = category;
        p.Grade = grade;
        p.Categories = Categories(row, category);
    }

    private static CertificateNumber? Certificate(RowCheck row, DateOnly today)
    {
        var text = row.Text(ColumnKey.CertificateNumber);
        if (text.Length == 0)
        {
            return null;
        }
        if (!CertificateNumber.TryParse(text, today, out var number, out var error))
        {
            row.Fail(ColumnKey.CertificateNumber, error);
            return null;
        }
        if (row.Person.IdNumber.Length == 18 && number!.Id.Value != row.Person.IdNumber)
        {
            row.Fail(ColumnKey.CertificateNumber, "残疾证号前18位应与身份证号一致");
        }
        row.Person.CertificateNumber = number!.Value;
        row.Person.ReissueCount = number.ReissueCount;
        return number;
    }

    private static bool ParseCategory(RowCheck row, out DisabilityCategory? category, out int? grade)
    {
        category = null;
        grade = null;
        var categoryText = row.Text(ColumnKey.Category);
        var gradeText = row.Text(ColumnKey.Grade);
        var ok = true;
        if (categoryText.Length > 0)
        {
            ok = DisabilityCategories.TryParse(categoryText, out var c);
            category = ok ? c : null;
            row.FailIf(!ok, ColumnKey.Category, $"残疾类别“{categoryText}”应为1-7或视力/听力/言语/肢体/智力/精神/多重");
        }
        if (gradeText.Length > 0)
        {
            var gradeOk = DisabilityCategories.TryParseGrade(gradeText, out var g);
            grade = gradeOk ? g : null;
            row.FailIf(!gradeOk, ColumnKey.Grade, $"残疾等级“{gradeText}”应为1-4或一级/二级/三级/四级");
            ok &= gradeOk;
        }
        return ok;
    }

    private static void CompareWithCertificate(RowCheck row, CertificateNumber certificate, ref DisabilityCategory? category, ref int? grade)
    {
        if (category is { } c && c != certificate.Category)
        {
            row.Fail(ColumnKey.CertificateNumber,
                $"残疾证号第19位表示{DisabilityCategories.Names[certificate.Category]}（{(int)certificate.Category}），与残疾类别“{DisabilityCategories.Names[c]}”不一致");
        }
        if (grade is { } g && g != certificate.Grade)
        {
            row.Fail(ColumnKey.CertificateNumber,
                $"残疾证号第20位表示{DisabilityCategories.GradeName(certificate.Grade)}，与残疾等级“{DisabilityCategories.GradeName(g)}”不一致");
        }
        category ??= certificate.Category;
        grade ??= certificate.Grade;
    }

    private static CategorySet Categories(RowCheck row, DisabilityCategory? category)
    {
        var text = row.Text(ColumnKey.MultipleCategories);
        if (category != DisabilityCategory.Multiple)
        {
            row.FailIf(text.Length > 0, ColumnKey.MultipleCategories, "只有残疾类别为多重残疾时才填写多重残疾类别");
            return category is { } c ? DisabilityCategories.ToFlag(c)
                : row.Person.TargetType == TargetType.Autism ? CategorySet.Mental : CategorySet.None;
        }
        var set = CategorySet.None;
        foreach (var part in text.Split(ListSeparators, StringSplitOptions.RemoveEmptyEntries))
        {
            if (!DisabilityCategories.TryParse(part, out var member) || member == DisabilityCategory.Multiple)
            {
                row.Fail(ColumnKey.MultipleCategories, $"“{part}”不是残疾类别，应为视力/听力/言语/肢体/智力/精神");
                return CategorySet.None;
            }
            set |= DisabilityCategories.ToFlag(member);
        }
        row.FailIf(DisabilityCategories.Members(set).Count() < 2, ColumnKey.MultipleCategories, "多重残疾须填写至少两个残疾类别，如“视力、听力”");
        return set;
    }
}
