using Kangfu.Web.Platform.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kangfu.Web.Modules.Registry;

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> b)
    {
        b.ToTable("registry_persons");
        b.HasKey(p => new { p.DistrictCode, p.Id });
        b.Property(p => p.DistrictCode).HasMaxLength(6).IsFixedLength();
        // Encrypted identifiers: enc:A1:base64(nonce‖ciphertext‖tag) — about 4/3·(28 + UTF-8 length) + 8 characters.
        b.Property(p => p.IdNumber).HasMaxLength(100).HasConversion(FieldProtection.Converter);
        b.Property(p => p.IdNumberHash).HasMaxLength(64).IsFixedLength();
        b.Property(p => p.BankAccount).HasMaxLength(120).HasConversion(FieldProtection.RandomizedConverter);
        b.Property(p => p.Diagnosis).HasMaxLength(2800).HasConversion(FieldProtection.RandomizedConverter);
        b.Property(p => p.Name).HasMaxLength(50);
        b.Property(p => p.NameInitials).HasMaxLength(200);
        b.Property(p => p.CertificateNumber).HasMaxLength(100).HasConversion(FieldProtection.NullableConverter);
        b.Property(p => p.AreaCode).HasMaxLength(12).IsFixedLength();
        b.Property(p => p.Address).HasMaxLength(200);
        b.Property(p => p.Phone).HasMaxLength(100).HasConversion(FieldProtection.NullableConverter);
        b.Property(p => p.GuardianName).HasMaxLength(50);
        b.Property(p => p.GuardianPhone).HasMaxLength(100).HasConversion(FieldProtection.NullableConverter);
        b.Ignore(p => p.CertificateExpiry);
        b.Ignore(p => p.MaskedIdNumber);
        b.HasIndex(p => new { p.DistrictCode, p.IdNumberHash }).IsUnique();
        b.HasIndex(p => new { p.DistrictCode, p.CertificateNumber });
        // The person list of an area in name order (and its count) straight from the index.
        b.HasIndex(p => new { p.DistrictCode, p.AreaCode, p.Name, p.Id });
        b.HasIndex(p => new { p.DistrictCode, p.Name });
    }

    /// <summary>
    /// PostgreSQL only: pg_trgm GIN indexes for the name and pinyin-initials search (LIKE '%…%'). SQLite keeps the plain
    /// LIKE scan of one district. pg_trgm is a trusted extension (PostgreSQL 13+): the database owner may create it.
    /// </summary>
    public static void AddPostgresSearchIndexes(ModelBuilder builder)
    {
        builder.HasPostgresExtension("pg_trgm");
        var b = builder.Entity<Person>();
        b.HasIndex(p => p.Name, "IX_registry_persons_name_trgm").HasMethod("gin").HasOperators("gin_trgm_ops");
        b.HasIndex(p => p.NameInitials, "IX_registry_persons_name_initials_trgm").HasMethod("gin").HasOperators("gin_trgm_ops");
    }
}

internal sealed class PersonEventConfiguration : IEntityTypeConfiguration<PersonEvent>
{
    public void Configure(EntityTypeBuilder<PersonEvent> b)
    {
        b.ToTable("registry_person_events");
        b.HasKey(e => new { e.DistrictCode, e.Id });
        b.Property(e => e.DistrictCode).HasMaxLength(6).IsFixedLength();
        b.Property(e => e.Kind).HasMaxLength(60);
        b.Property(e => e.Title).HasMaxLength(200);
        b.Property(e => e.Detail).HasMaxLength(2000);
        b.Property(e => e.ActorName).HasMaxLength(50);
        b.HasIndex(e => new { e.DistrictCode, e.PersonId, e.At });
        b.HasOne<Person>().WithMany().HasForeignKey(e => new { e.DistrictCode, e.PersonId });
    }
}

internal sealed class ImportBatchConfiguration : IEntityTypeConfiguration<ImportBatch>
{
    public void Configure(EntityTypeBuilder<ImportBatch> b)
    {
        b.ToTable("registry_import_batches");
        b.HasKey(e => new { e.DistrictCode, e.Id });
        b.Property(e => e.DistrictCode).HasMaxLength(6).IsFixedLength();
        b.Property(e => e.FileName).HasMaxLength(260);
        b.Property(e => e.FileSha256).HasMaxLength(64);
        b.Property(e => e.UserId).HasMaxLength(450);
        b.Property(e => e.Message).HasMaxLength(2000);
    }
}
