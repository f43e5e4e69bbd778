using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kangfu.Web.Modules.Audit;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.ToTable("audit_entries");
        b.HasKey(a => new { a.DistrictCode, a.Id });
        b.Property(a => a.DistrictCode).HasMaxLength(6);
        b.Property(a => a.UserId).HasMaxLength(450);
        b.Property(a => a.UserName).HasMaxLength(256);
        b.Property(a => a.Roles).HasMaxLength(300);
        b.Property(a => a.AreaCode).HasMaxLength(12);
        b.Property(a => a.Ip).HasMaxLength(45);
        b.Property(a => a.Action).HasMaxLength(30);
        b.Property(a => a.EntityType).HasMaxLength(60);
        b.Property(a => a.EntityId).HasMaxLength(60);
        b.Property(a => a.Result).HasMaxLength(200);
        b.Property(a => a.PrevHash).HasMaxLength(64);
        b.Property(a => a.Hash).HasMaxLength(64);
        // Bulk writers (the import's COPY / prepared INSERT) leave the column out: their rows are chain 0.
        b.Property(a => a.Chain).HasDefaultValue(0);
        // One row per position: two writers that raced for the same chain head cannot both commit.
        b.HasIndex(a => new { a.DistrictCode, a.Chain, a.Sequence }).IsUnique();
        b.HasIndex(a => new { a.DistrictCode, a.At });
        b.HasIndex(a => new { a.DistrictCode, a.EntityType, a.EntityId });
    }
}
