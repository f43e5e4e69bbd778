using Kangfu.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Kangfu.ArchitectureTests;

/// <summary>
/// The scale rule of design.md: every tenant-owned table has district_code first in its primary key and in
/// every unique and foreign key, so the schema can be distributed by district (Citus) without rework.
/// </summary>
public sealed class TenantKeyTests
{
    public static TheoryData<string> TenantEntities()
    {
        var data = new TheoryData<string>();
        foreach (var entity in Model().GetEntityTypes().Where(IsTenant))
        {
            data.Add(entity.Name);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(TenantEntities))]
    public void District_code_leads_primary_unique_and_foreign_keys(string entityName)
    {
        var entity = Model().FindEntityType(entityName)!;
        Assert.Equal("district_code", entity.FindPrimaryKey()!.Properties[0].GetColumnName());
        foreach (var index in entity.GetIndexes().Where(i => i.IsUnique))
        {
            Assert.Equal("district_code", index.Properties[0].GetColumnName());
        }
        foreach (var foreignKey in entity.GetForeignKeys())
        {
            Assert.Equal("district_code", foreignKey.Properties[0].GetColumnName());
        }
    }

    [Fact]
    public void Every_table_with_personal_data_is_a_tenant_table()
    {
        var tables = Model().GetEntityTypes().Where(e => e.GetTableName()!.StartsWith("registry_", StringComparison.Ordinal)
            || e.GetTableName()!.StartsWith("org_", StringComparison.Ordinal) || e.GetTableName() == "audit_entries");
        Assert.All(tables, t => Assert.Equal("district_code", t.FindPrimaryKey()!.Properties[0].GetColumnName()));
    }

    [Fact]
    public void Tenant_ids_are_not_database_generated()
    {
        foreach (var entity in Model().GetEntityTypes().Where(IsTenant))
        {
            Assert.All(entity.FindPrimaryKey()!.Properties, p => Assert.Equal(Microsoft.EntityFrameworkCore.Metadata.ValueGenerated.Never, p.ValueGenerated));
        }
    }

    private static bool IsTenant(IEntityType entity) => typeof(ITenantEntity).IsAssignableFrom(entity.ClrType);

    private static IModel Model()
    {
        var options = new DbContextOptionsBuilder<SqliteKangfuDbContext>().UseSqlite("Data Source=:memory:").Options;
        using var db = new SqliteKangfuDbContext(options);
        return db.GetService<IDesignTimeModel>().Model;
    }
}
