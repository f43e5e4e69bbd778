using System.Text;
using Kangfu.Web.Modules.Access;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kangfu.Web.Platform.Data;

internal static class ModelConventions
{
    /// <summary>snake_case columns (raw SQL and COPY read better) and the version concurrency token.</summary>
    public static void Apply(ModelBuilder builder)
    {
        foreach (var entity in builder.Model.GetEntityTypes())
        {
            foreach (var property in entity.GetProperties())
            {
                property.SetColumnName(ToSnakeCase(property.Name));
            }
            if (typeof(IVersioned).IsAssignableFrom(entity.ClrType))
            {
                entity.FindProperty(nameof(IVersioned.Version))!.IsConcurrencyToken = true;
            }
        }
    }

    public static string ToSnakeCase(string name)
    {
        var sb = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c) && i > 0 && (char.IsLower(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]))))
            {
                sb.Append('_');
            }
            sb.Append(char.ToLowerInvariant(c));
        }
        return sb.ToString();
    }
}

internal static class IdentityTables
{
    public static void Rename(ModelBuilder builder)
    {
        builder.Entity<AppUser>(b =>
        {
            b.ToTable("access_users");
            b.Property(u => u.DistrictCode).HasMaxLength(6).IsFixedLength();
            b.Property(u => u.AreaCode).HasMaxLength(12);
            b.Property(u => u.DisplayName).HasMaxLength(50);
        });
        builder.Entity<IdentityRole>().ToTable("access_roles");
        builder.Entity<IdentityUserRole<string>>().ToTable("access_user_roles");
        builder.Entity<IdentityUserClaim<string>>().ToTable("access_user_claims");
        builder.Entity<IdentityUserLogin<string>>().ToTable("access_user_logins");
        builder.Entity<IdentityRoleClaim<string>>().ToTable("access_role_claims");
        builder.Entity<IdentityUserToken<string>>().ToTable("access_user_tokens");
    }
}
