using System.Globalization;
using Kangfu.Web.Modules.Registry.Import.Sheets;
using Kangfu.Web.Modules.Registry.Pinyin;

using Kangfu.Web.Modules.Registry.Shared;

namespace Kangfu.Web.Modules.Registry.Import;

/// <summary>Checks one row of a registry file and builds the person it describes; collects every problem, not just the first.</summary>
internal sealed class RowValidator(HeaderMap map, ImportContext context)
{
    private readonly IReadOnlyList<PersonField> updatable = PersonFields.Updatable(map.Present);

    public ValidatedRow Validate(SheetRow row)
    {
        var check = new RowCheck(row, map, new Person { DistrictCode = context.User.DistrictCode });
        Identity(check);
        CertificateRules.Check(check, context.Today);
        Dates(check);
        Contact(check);
        return Classify(check);
    }

    private void Identity(RowCheck row)
    {
        var p = row.Person;
        row.Fail(ColumnKey.Name, FieldParsers.Name(row.Text(ColumnKey.Name), "姓名", out var name));
        p.Name = name;
        p.NameInitials = PinyinInitials.Of(name);
        if (!ResidentId.TryParse(row.Text(ColumnKey.IdNumber), context.Today, out var id, out var error))
        {
            row.Fail(ColumnKey.IdNumber, error);
            return;
        }
        (p.IdNumber, p.Sex, p.BirthDate) = (id!.Value, id.Sex, id.BirthDate);
        if (!context.SeenIds.TryAdd(id.Value, row.Row.Number))
        {
            row.Fail(ColumnKey.IdNumber, $"身份证号与第{context.SeenIds[id.Value]}行重复");
        }
        row.Existing = context.Existing.GetValueOrDefault(id.Value);
        row.FailIf(row.Existing is { } e && !context.Areas.InScope(e.AreaCode), ColumnKey.IdNumber,
            "该身份证号的人员已登记在您管辖范围以外的社区，不能通过导入修改，请联系区残联");
        var sexText = row.Text(ColumnKey.Sex);
        row.FailIf(sexText.Length > 0 && !(RegistryNames.TryParseSex(sexText, out var sex) && sex == id.Sex), ColumnKey.Sex,
            $"性别“{sexText}”与身份证号不符（身份证号第17位表示{RegistryNames.Sexes[id.Sex]}）");
        var birthText = row.Text(ColumnKey.BirthDate);
        row.Fail(ColumnKey.BirthDate, FieldParsers.Date(birthText, context.Today, out var birth));
        row.FailIf(birth is { } b && b != id.BirthDate, ColumnKey.BirthDate,
            $"出生日期“{birthText}”与身份证号中的出生日期{id.BirthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}不符");
    }

    private void Dates(RowCheck row)
    {
        var p = row.Person;
        row.Fail(ColumnKey.CertificateIssueDate, FieldParsers.Date(row.Text(ColumnKey.CertificateIssueDate), context.Today, out var issued));
        row.FailIf(issued < p.BirthDate && p.IdNumber.Length == 18, ColumnKey.CertificateIssueDate, "发证日期早于出生日期");
        p.CertificateIssueDate = issued;
        var statusText = row.Text(ColumnKey.Status);
        var statusOk = RegistryNames.TryParseStatus(statusText, out var status);
        row.FailIf(statusText.Length > 0 && !statusOk, ColumnKey.Status, $"人员状态“{statusText}”应为{RegistryNames.Expected(RegistryNames.Statuses)}");
        p.Status = statusOk ? status : PersonStatus.Registered;
        row.Fail(ColumnKey.StatusDate, FieldParsers.Date(row.Text(ColumnKey.StatusDate), context.Today, out var statusDate));
        p.StatusDate = statusDate;
    }

    private void Contact(RowCheck row)
    {
        var p = row.Person;
        row.Fail(ColumnKey.Area, context.Areas.Resolve(row.Text(ColumnKey.Area), out var area));
        p.AreaCode = area ?? "";
        p.Address = row.Optional(ColumnKey.Address, 200);
        row.Fail(ColumnKey.Phone, FieldParsers.Phone(row.Text(ColumnKey.Phone), out var phone));
        p.Phone = phone;
        row.Fail(ColumnKey.GuardianPhone, FieldParsers.Phone(row.Text(ColumnKey.GuardianPhone), out var guardianPhone));
        p.GuardianPhone = guardianPhone;
        var guardian = row.Text(ColumnKey.GuardianName);
        if (guardian.Length > 0)
        {
            row.Fail(ColumnKey.GuardianName, FieldParsers.Name(guardian, "监护人姓名", out guardian));
            p.GuardianName = guardian;
        }
        var relation = row.Text(ColumnKey.GuardianRelation);
        var relationOk = RegistryNames.TryParseRelation(relation, out var parsed);
        row.FailIf(relation.Length > 0 && !relationOk, ColumnKey.GuardianRelation, $"监护人关系“{relation}”应为{RegistryNames.Expected(RegistryNames.Relations)}");
        p.GuardianRelation = relationOk ? parsed : null;
    }

    private ValidatedRow Classify(RowCheck row)
    {
        if (row.Errors.Count > 0)
        {
            return new ValidatedRow(row.Row, null, row.Errors, RowChange.Invalid, row.Existing, []);
        }
        var p = row.Person;
        (p.CreatedAt, p.UpdatedAt, p.Version) = (context.Now, context.Now, Guid.CreateVersion7());
        if (row.Existing is not { } existing)
        {
            p.Id = Guid.CreateVersion7();
            return new ValidatedRow(row.Row, p, [], RowChange.New, null, []);
        }
        p.Id = existing.Id;
        var changed = PersonFields.Changed(existing, p, updatable);
        return new ValidatedRow(row.Row, p, [], changed.Count > 0 ? RowChange.Changed : RowChange.Unchanged, existing, changed);
    }
}
