using Kangfu.Web.Modules.Referrals;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kangfu.Web.Modules.FollowUps;

internal sealed class FollowUpConfiguration : IEntityTypeConfiguration<FollowUp>
{
    public void Configure(EntityTypeBuilder<FollowUp> b)
    {
        b.ToTable("followups_visits");
        b.HasKey(f => new { f.DistrictCode, f.Id });
        b.Property(f => f.DistrictCode).HasMaxLength(6).IsFixedLength();
        b.Property(f => f.AreaCode).HasMaxLength(12).IsFixedLength();
        b.Property(f => f.MethodDetail).HasMaxLength(100);
        b.Property(f => f.AnswersJson).HasMaxLength(4000);
        b.Property(f => f.Comment).HasMaxLength(1000);
        b.Property(f => f.RecordedByUserId).HasMaxLength(450);
        b.Property(f => f.RecordedByName).HasMaxLength(50);
        b.Ignore(f => f.IsOpen);
        b.HasIndex(f => new { f.DistrictCode, f.CaseId, f.Sequence }).IsUnique();
        b.HasIndex(f => new { f.DistrictCode, f.Status, f.VisibleFrom });
        b.HasOne<RehabCase>().WithMany().HasForeignKey(f => new { f.DistrictCode, f.CaseId });
    }
}

internal sealed class FollowUpRuleConfiguration : IEntityTypeConfiguration<FollowUpRule>
{
    public void Configure(EntityTypeBuilder<FollowUpRule> b)
    {
        b.ToTable("followups_rules");
        b.HasKey(r => new { r.DistrictCode, r.Id });
        b.Property(r => r.DistrictCode).HasMaxLength(6).IsFixedLength();
        b.Property(r => r.FormVersion).HasMaxLength(20);
        b.HasIndex(r => new { r.DistrictCode, r.CaseKind, r.EffectiveFrom });
    }
}
