using Kangfu.IntegrationTests.Infrastructure;
using Kangfu.Web.Modules.Audit;
using Kangfu.Web.Modules.Registry;
using Microsoft.EntityFrameworkCore;

namespace Kangfu.IntegrationTests.Registry.Import;

/// <summary>Merging by ID number: re-importing the same file changes nothing; one changed field updates one person, audited.</summary>
public abstract class ImportMergeTests(KangfuApp app)
{
    [Fact]
    public async Task Reimporting_the_same_file_changes_nothing_and_writes_no_audit_or_timeline()
    {
        var rows = Enumerable.Range(0, 5).Select(_ => RegistryFiles.ValidRow()).ToList();
        var file = RegistryFiles.Xlsx(rows);
        using var client = await app.LoginAsync(RegistryFiles.Importer);
        Assert.Equal(5, (await ImportApi.ImportAsync(client, file, "名册.xlsx")).Inserted);
        var before = await SnapshotAsync(rows);

        var validated = await ImportApi.ValidateAsync(client, file, "名册.xlsx");
        Assert.Equal((0, 0, 5), (validated.Summary!.New, validated.Summary.Changed, validated.Summary.Unchanged));
        var again = await ImportApi.ConfirmAsync(client, validated.BatchId);

        Assert.Equal((0, 0, 5), (again.Inserted, again.Updated, again.Unchanged));
        var after = await SnapshotAsync(rows);
        Assert.Equal(before.Versions, after.Versions);
        Assert.Equal((before.Audits, before.Events), (after.Audits, after.Events));
    }

    [Fact]
    public async Task Changing_one_field_updates_one_person_with_new_version_audit_and_timeline()
    {
        var rows = new List<Dictionary<string, string>> { RegistryFiles.ValidRow(), RegistryFiles.ValidRow() };
        using var client = await app.LoginAsync(RegistryFiles.Importer);
        await ImportApi.ImportAsync(client, RegistryFiles.Xlsx(rows), "名册.xlsx");
        var before = await PersonAsync(rows[0]["身份证号"]);
        rows[0]["联系电话"] = "13912345678";
        rows[0]["详细地址"] = "";

        var result = await ImportApi.ImportAsync(client, RegistryFiles.Xlsx(rows), "名册-修改.xlsx");

        Assert.Equal((0, 1, 1), (result.Inserted, result.Updated, result.Unchanged));
        var after = await PersonAsync(rows[0]["身份证号"]);
        Assert.Equal((before.Id, before.CreatedAt, "13912345678", (string?)null), (after.Id, after.CreatedAt, after.Phone, after.Address));
        Assert.NotEqual(before.Version, after.Version);
        Assert.True(after.UpdatedAt > before.UpdatedAt);
        var audit = await app.WithDbAsync(db => db.AuditEntries.SingleAsync(a => a.EntityId == after.Id.ToString() && a.Action == AuditActions.Update));
        Assert.Contains("\"Phone\":[\"" + before.Phone![..3] + "****", audit.Changes);
        Assert.Contains("\"139****5678\"", audit.Changes);
        Assert.DoesNotContain("13912345678", audit.Changes);
        var timeline = await app.WithDbAsync(db => db.PersonEvents.Where(e => e.PersonId == after.Id).OrderBy(e => e.At).ToListAsync());
        Assert.Equal(["由名册导入新增", "由名册导入更新"], timeline.Select(e => e.Title));
        Assert.Equal("更新：详细地址、联系电话", timeline[1].Detail);
        var summary = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == AuditActions.Import && a.EntityId == result.BatchId.ToString()).SingleAsync());
        Assert.Contains("新增0人，更新1人，无变化1人", summary.Changes);
    }

    [Fact]
    public async Task Columns_absent_from_the_file_keep_their_stored_values()
    {
        var person = await app.AddPersonAsync(RegistryFiles.Community);
        var row = new Dictionary<string, string>
        {
            ["姓名"] = person.Name + "改",
            ["身份证号"] = person.IdNumber,
            ["所属社区"] = RegistryFiles.Community,
        };
        using var client = await app.LoginAsync(RegistryFiles.Importer);

        var result = await ImportApi.ImportAsync(client, RegistryFiles.Xlsx([row], [.. row.Keys]), "只改姓名.xlsx");

        Assert.Equal(1, result.Updated);
        var after = await PersonAsync(person.IdNumber);
        Assert.Equal((person.Name + "改", person.Phone, person.CertificateNumber, person.Category), (after.Name, after.Phone, after.CertificateNumber, after.Category));
    }

    [Fact]
    public async Task A_person_saved_between_validation_and_confirmation_is_merged_against_its_current_state()
    {
        var rows = new List<Dictionary<string, string>> { RegistryFiles.ValidRow(), RegistryFiles.ValidRow() };
        using var client = await app.LoginAsync(RegistryFiles.Importer);
        await ImportApi.ImportAsync(client, RegistryFiles.Xlsx(rows), "名册.xlsx");
        rows[0]["联系电话"] = "13912345678";
        var validated = await ImportApi.ValidateAsync(client, RegistryFiles.Xlsx(rows), "名册-修改.xlsx");
        Assert.Equal((0, 1, 1), (validated.Summary!.New, validated.Summary.Changed, validated.Summary.Unchanged));
        // Meanwhile someone saves the same phone number by hand: the validated "changed" row has nothing left to change.
        await app.WithDbAsync(async db =>
        {
            var person = await db.Persons.SingleAsync(p => p.IdNumber == rows[0]["身份证号"]);
            person.Phone = "13912345678";
            return await db.SaveChangesAsync();
        });
        var saved = await PersonAsync(rows[0]["身份证号"]);

        var result = await ImportApi.ConfirmAsync(client, validated.BatchId);

        Assert.Equal((0, 0, 2), (result.Inserted, result.Updated, result.Unchanged));
        var after = await PersonAsync(rows[0]["身份证号"]);
        Assert.Equal((saved.Version, "13912345678"), (after.Version, after.Phone));
        var importAudits = await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityId == after.Id.ToString() && a.Action == AuditActions.Update));
        Assert.Equal(1, importAudits); // the hand edit only, none from the import
    }

    [Fact]
    public async Task A_person_added_between_validation_and_confirmation_is_updated_not_inserted_twice()
    {
        var row = RegistryFiles.ValidRow();
        using var client = await app.LoginAsync(RegistryFiles.Importer);
        var validated = await ImportApi.ValidateAsync(client, RegistryFiles.Xlsx([row]), "名册-先检查.xlsx");
        Assert.Equal(1, validated.Summary!.New);
        var other = new Dictionary<string, string>(row) { ["联系电话"] = "13700001111" };
        Assert.Equal(1, (await ImportApi.ImportAsync(client, RegistryFiles.Xlsx([other]), "名册-后导入.xlsx")).Inserted);

        var result = await ImportApi.ConfirmAsync(client, validated.BatchId);

        Assert.Equal((0, 1, 0), (result.Inserted, result.Updated, result.Unchanged));
        var person = await PersonAsync(row["身份证号"]);
        Assert.Equal(row["联系电话"], person.Phone);
        var actions = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityId == person.Id.ToString()).OrderBy(a => a.Sequence).Select(a => a.Action).ToListAsync());
        Assert.Equal([AuditActions.Create, AuditActions.Update], actions);
    }

    private Task<Person> PersonAsync(string idNumber) =>
        app.WithDbAsync(db => db.Persons.AsNoTracking().SingleAsync(p => p.IdNumber == idNumber));

    private async Task<(List<Guid> Versions, int Audits, int Events)> SnapshotAsync(List<Dictionary<string, string>> rows)
    {
        var ids = rows.Select(r => r["身份证号"]).ToList();
        var persons = await app.WithDbAsync(db => db.Persons.AsNoTracking().Where(p => ids.Contains(p.IdNumber)).OrderBy(p => p.IdNumber).ToListAsync());
        var entityIds = persons.Select(p => p.Id.ToString()).ToList();
        var personIds = persons.Select(p => p.Id).ToList();
        var audits = await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityId != null && entityIds.Contains(a.EntityId)));
        var events = await app.WithDbAsync(db => db.PersonEvents.CountAsync(e => personIds.Contains(e.PersonId)));
        return (persons.Select(p => p.Version).ToList(), audits, events);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ImportMergeTestsSqlite(SqliteApp app) : ImportMergeTests(app);

[Collection(PostgresCollection.Name)]
public sealed class ImportMergeTestsPostgres(PostgresApp app) : ImportMergeTests(app);
