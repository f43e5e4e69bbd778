using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Kangfu.Web.Platform.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "access_roles",
                columns: table => new
                {
                    id = table.Column<string>(type: "text", nullable: false),
                    name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    normalized_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    concurrency_stamp = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_access_roles", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "access_users",
                columns: table => new
                {
                    id = table.Column<string>(type: "text", nullable: false),
                    display_name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    district_code = table.Column<string>(type: "character(6)", fixedLength: true, maxLength: 6, nullable: false),
                    area_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true),
                    institution_id = table.Column<Guid>(type: "uuid", nullable: true),
                    direction = table.Column<int>(type: "integer", nullable: false),
                    is_active = table.Column<bool>(type: "boolean", nullable: false),
                    user_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    normalized_user_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    normalized_email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    email_confirmed = table.Column<bool>(type: "boolean", nullable: false),
                    password_hash = table.Column<string>(type: "text", nullable: true),
                    security_stamp = table.Column<string>(type: "text", nullable: true),
                    concurrency_stamp = table.Column<string>(type: "text", nullable: true),
                    phone_number = table.Column<string>(type: "text", nullable: true),
                    phone_number_confirmed = table.Column<bool>(type: "boolean", nullable: false),
                    two_factor_enabled = table.Column<bool>(type: "boolean", nullable: false),
                    lockout_end = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    lockout_enabled = table.Column<bool>(type: "boolean", nullable: false),
                    access_failed_count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_access_users", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "audit_entries",
                columns: table => new
                {
                    district_code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    user_id = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    user_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    roles = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    area_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true),
                    ip = table.Column<string>(type: "character varying(45)", maxLength: 45, nullable: true),
                    action = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    entity_type = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    entity_id = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    changes = table.Column<string>(type: "text", nullable: true),
                    result = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_audit_entries", x => new { x.district_code, x.id });
                });

            migrationBuilder.CreateTable(
                name: "org_areas",
                columns: table => new
                {
                    district_code = table.Column<string>(type: "character(6)", fixedLength: true, maxLength: 6, nullable: false),
                    code = table.Column<string>(type: "character(12)", fixedLength: true, maxLength: 12, nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    level = table.Column<int>(type: "integer", nullable: false),
                    parent_code = table.Column<string>(type: "character(12)", fixedLength: true, maxLength: 12, nullable: true),
                    source_version = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    effective_from = table.Column<DateOnly>(type: "date", nullable: false),
                    effective_to = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_org_areas", x => new { x.district_code, x.code });
                });

            migrationBuilder.CreateTable(
                name: "org_institutions",
                columns: table => new
                {
                    district_code = table.Column<string>(type: "character(6)", fixedLength: true, maxLength: 6, nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    kinds = table.Column<int>(type: "integer", nullable: false),
                    directions = table.Column<int>(type: "integer", nullable: false),
                    credit_code = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: true),
                    address = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    contact_phone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    qualified_until = table.Column<DateOnly>(type: "date", nullable: true),
                    is_active = table.Column<bool>(type: "boolean", nullable: false),
                    version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_org_institutions", x => new { x.district_code, x.id });
                });

            migrationBuilder.CreateTable(
                name: "platform_data_protection_keys",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    friendly_name = table.Column<string>(type: "text", nullable: true),
                    xml = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_platform_data_protection_keys", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "registry_import_batches",
                columns: table => new
                {
                    district_code = table.Column<string>(type: "character(6)", fixedLength: true, maxLength: 6, nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    file_name = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: false),
                    file_sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    user_id = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    completed_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    status = table.Column<int>(type: "integer", nullable: false),
                    total_rows = table.Column<int>(type: "integer", nullable: false),
                    valid_rows = table.Column<int>(type: "integer", nullable: false),
                    error_rows = table.Column<int>(type: "integer", nullable: false),
                    inserted = table.Column<int>(type: "integer", nullable: false),
                    updated = table.Column<int>(type: "integer", nullable: false),
                    unchanged = table.Column<int>(type: "integer", nullable: false),
                    message = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_registry_import_batches", x => new { x.district_code, x.id });
                });

            migrationBuilder.CreateTable(
                name: "registry_persons",
                columns: table => new
                {
                    district_code = table.Column<string>(type: "character(6)", fixedLength: true, maxLength: 6, nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    id_number = table.Column<string>(type: "character(18)", fixedLength: true, maxLength: 18, nullable: false),
                    name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    name_initials = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    sex = table.Column<int>(type: "integer", nullable: false),
                    birth_date = table.Column<DateOnly>(type: "date", nullable: false),
                    target_type = table.Column<int>(type: "integer", nullable: false),
                    certificate_number = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    category = table.Column<int>(type: "integer", nullable: true),
                    categories = table.Column<int>(type: "integer", nullable: false),
                    grade = table.Column<int>(type: "integer", nullable: true),
                    reissue_count = table.Column<int>(type: "integer", nullable: false),
                    certificate_issue_date = table.Column<DateOnly>(type: "date", nullable: true),
                    area_code = table.Column<string>(type: "character(12)", fixedLength: true, maxLength: 12, nullable: false),
                    address = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    phone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    guardian_name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    guardian_relation = table.Column<int>(type: "integer", nullable: true),
                    guardian_phone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    status = table.Column<int>(type: "integer", nullable: false),
                    status_date = table.Column<DateOnly>(type: "date", nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_registry_persons", x => new { x.district_code, x.id });
                });

            migrationBuilder.CreateTable(
                name: "access_role_claims",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    role_id = table.Column<string>(type: "text", nullable: false),
                    claim_type = table.Column<string>(type: "text", nullable: true),
                    claim_value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_access_role_claims", x => x.id);
                    table.ForeignKey(
                        name: "FK_access_role_claims_access_roles_role_id",
                        column: x => x.role_id,
                        principalTable: "access_roles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "access_user_claims",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    user_id = table.Column<string>(type: "text", nullable: false),
                    claim_type = table.Column<string>(type: "text", nullable: true),
                    claim_value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_access_user_claims", x => x.id);
                    table.ForeignKey(
                        name: "FK_access_user_claims_access_users_user_id",
                        column: x => x.user_id,
                        principalTable: "access_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "access_user_logins",
                columns: table => new
                {
                    login_provider = table.Column<string>(type: "text", nullable: false),
                    provider_key = table.Column<string>(type: "text", nullable: false),
                    provider_display_name = table.Column<string>(type: "text", nullable: true),
                    user_id = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_access_user_logins", x => new { x.login_provider, x.provider_key });
                    table.ForeignKey(
                        name: "FK_access_user_logins_access_users_user_id",
                        column: x => x.user_id,
                        principalTable: "access_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "access_user_roles",
                columns: table => new
                {
                    user_id = table.Column<string>(type: "text", nullable: false),
                    role_id = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_access_user_roles", x => new { x.user_id, x.role_id });
                    table.ForeignKey(
                        name: "FK_access_user_roles_access_roles_role_id",
                        column: x => x.role_id,
                        principalTable: "access_roles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_access_user_roles_access_users_user_id",
                        column: x => x.user_id,
                        principalTable: "access_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "access_user_tokens",
                columns: table => new
                {
                    user_id = table.Column<string>(type: "text", nullable: false),
                    login_provider = table.Column<string>(type: "text", nullable: false),
                    name = table.Column<string>(type: "text", nullable: false),
                    value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_access_user_tokens", x => new { x.user_id, x.login_provider, x.name });
                    table.ForeignKey(
                        name: "FK_access_user_tokens_access_users_user_id",
                        column: x => x.user_id,
                        principalTable: "access_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "org_institution_service_areas",
                columns: table => new
                {
                    district_code = table.Column<string>(type: "character(6)", fixedLength: true, maxLength: 6, nullable: false),
                    institution_id = table.Column<Guid>(type: "uuid", nullable: false),
                    area_code = table.Column<string>(type: "character(12)", fixedLength: true, maxLength: 12, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_org_institution_service_areas", x => new { x.district_code, x.institution_id, x.area_code });
                    table.ForeignKey(
                        name: "FK_org_institution_service_areas_org_institutions_district_cod~",
                        columns: x => new { x.district_code, x.institution_id },
                        principalTable: "org_institutions",
                        principalColumns: new[] { "district_code", "id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "access_case_grants",
                columns: table => new
                {
                    district_code = table.Column<string>(type: "character(6)", fixedLength: true, maxLength: 6, nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    institution_id = table.Column<Guid>(type: "uuid", nullable: false),
                    granted_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    revoked_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    reason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_access_case_grants", x => new { x.district_code, x.id });
                    table.ForeignKey(
                        name: "FK_access_case_grants_registry_persons_district_code_person_id",
                        columns: x => new { x.district_code, x.person_id },
                        principalTable: "registry_persons",
                        principalColumns: new[] { "district_code", "id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "registry_person_events",
                columns: table => new
                {
                    district_code = table.Column<string>(type: "character(6)", fixedLength: true, maxLength: 6, nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    kind = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    detail = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    actor_name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_registry_person_events", x => new { x.district_code, x.id });
                    table.ForeignKey(
                        name: "FK_registry_person_events_registry_persons_district_code_perso~",
                        columns: x => new { x.district_code, x.person_id },
                        principalTable: "registry_persons",
                        principalColumns: new[] { "district_code", "id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_access_case_grants_district_code_institution_id_person_id",
                table: "access_case_grants",
                columns: new[] { "district_code", "institution_id", "person_id" });

            migrationBuilder.CreateIndex(
                name: "IX_access_case_grants_district_code_person_id",
                table: "access_case_grants",
                columns: new[] { "district_code", "person_id" });

            migrationBuilder.CreateIndex(
                name: "IX_access_role_claims_role_id",
                table: "access_role_claims",
                column: "role_id");

            migrationBuilder.CreateIndex(
                name: "RoleNameIndex",
                table: "access_roles",
                column: "normalized_name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_access_user_claims_user_id",
                table: "access_user_claims",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "IX_access_user_logins_user_id",
                table: "access_user_logins",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "IX_access_user_roles_role_id",
                table: "access_user_roles",
                column: "role_id");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "access_users",
                column: "normalized_email");

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "access_users",
                column: "normalized_user_name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_audit_entries_district_code_at",
                table: "audit_entries",
                columns: new[] { "district_code", "at" });

            migrationBuilder.CreateIndex(
                name: "IX_audit_entries_district_code_entity_type_entity_id",
                table: "audit_entries",
                columns: new[] { "district_code", "entity_type", "entity_id" });

            migrationBuilder.CreateIndex(
                name: "IX_org_areas_district_code_parent_code",
                table: "org_areas",
                columns: new[] { "district_code", "parent_code" });

            migrationBuilder.CreateIndex(
                name: "IX_org_institutions_district_code_name",
                table: "org_institutions",
                columns: new[] { "district_code", "name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_registry_person_events_district_code_person_id_at",
                table: "registry_person_events",
                columns: new[] { "district_code", "person_id", "at" });

            migrationBuilder.CreateIndex(
                name: "IX_registry_persons_district_code_area_code",
                table: "registry_persons",
                columns: new[] { "district_code", "area_code" });

            migrationBuilder.CreateIndex(
                name: "IX_registry_persons_district_code_certificate_number",
                table: "registry_persons",
                columns: new[] { "district_code", "certificate_number" });

            migrationBuilder.CreateIndex(
                name: "IX_registry_persons_district_code_id_number",
                table: "registry_persons",
                columns: new[] { "district_code", "id_number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_registry_persons_district_code_name",
                table: "registry_persons",
                columns: new[] { "district_code", "name" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "access_case_grants");

            migrationBuilder.DropTable(
                name: "access_role_claims");

            migrationBuilder.DropTable(
                name: "access_user_claims");

            migrationBuilder.DropTable(
                name: "access_user_logins");

            migrationBuilder.DropTable(
                name: "access_user_roles");

            migrationBuilder.DropTable(
                name: "access_user_tokens");

            migrationBuilder.DropTable(
                name: "audit_entries");

            migrationBuilder.DropTable(
                name: "org_areas");

            migrationBuilder.DropTable(
                name: "org_institution_service_areas");

            migrationBuilder.DropTable(
                name: "platform_data_protection_keys");

            migrationBuilder.DropTable(
                name: "registry_import_batches");

            migrationBuilder.DropTable(
                name: "registry_person_events");

            migrationBuilder.DropTable(
                name: "access_roles");

            migrationBuilder.DropTable(
                name: "access_users");

            migrationBuilder.DropTable(
                name: "org_institutions");

            migrationBuilder.DropTable(
                name: "registry_persons");
        }
    }
}
