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
            // …and it references the principal's district_code (a co-located join under Citus), not another column.
            Assert.Equal("district_code", foreignKey.PrincipalKey.Properties[0].GetColumnName());
        }
    }

    [Fact]
    public void Every_table_with_personal_data_is_a_tenant_table()
    {
        var tables = Model().GetEntityTypes().Where(e => e.GetTableName()!.StartsWith("registry_", StringComparison.Ordinal)
            || e.GetTableName()!.StartsWith("org_", StringComparison.Ordinal) || e.GetTableName() == "audit_entries");
        Assert.All(tables, t => Assert.Equal("district_code", t.FindPrimaryKey()!.Properties[0].GetColumnName()));
    }

    /// <summary>
    /// The Citus-ready check: every table is distributable by district_code (district_code first in its primary key and in
    /// every unique and foreign key — tenant entities and the audit table alike) unless it is one of the few deliberately
    /// global tables below (reference tables under Citus). A new table that is neither fails.
    /// </summary>
    [Fact]
    public void Every_table_is_distributable_by_district_or_a_listed_global_table()
    {
        string[] global =
        [
            "access_role_claims", "access_roles", "access_user_claims", "access_user_logins", "access_user_roles", "access_user_tokens",
            "access_users", "platform_data_protection_keys",
        ];
        var tables = Model().GetEntityTypes().Where(e => e.GetTableName() is not null && !e.IsOwned()).ToList();
        Assert.Equal(global.Order(StringComparer.Ordinal),
            tables.Where(t => t.FindPrimaryKey()!.Properties[0].GetColumnName() != "district_code").Select(t => t.GetTableName()!).Distinct().Order(StringComparer.Ordinal));
        foreach (var table in tables.Where(t => !global.Contains(t.GetTableName())))
        {
            Assert.Contains(table.GetProperties(), p => p.GetColumnName() == "district_code" && !p.IsNullable);
            Assert.All(table.GetIndexes().Where(i => i.IsUnique), i => Assert.Equal("district_code", i.Properties[0].GetColumnName()));
            Assert.All(table.GetForeignKeys(), k => Assert.Equal("district_code", k.Properties[0].GetColumnName()));
        }
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
