using Hub.Domain.CommunityOffers;
using Hub.Domain.Directory;
using Hub.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hub.Infrastructure.Persistence.Configurations;

internal sealed class TeamConfiguration : IEntityTypeConfiguration<Team>
{
    public void Configure(EntityTypeBuilder<Team> builder)
    {
        builder.ToTable("Teams");
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.Name).HasMaxLength(Team.NameMaxLength);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(t => t.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(t => new { t.OrganisationId, t.Name }).IsUnique();
    }
}

internal sealed class TeamMemberConfiguration : IEntityTypeConfiguration<TeamMember>
{
    public void Configure(EntityTypeBuilder<TeamMember> builder)
    {
        builder.ToTable("TeamMembers");
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.HasOne<StaffUser>().WithOne().HasForeignKey<TeamMember>(m => m.Id).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Team>().WithMany().HasForeignKey(m => m.TeamId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(m => m.Name).HasMaxLength(200);
        builder.Property(m => m.JobTitle).HasMaxLength(200);
        builder.Property(m => m.HelpsWith).HasJsonConversion();
        builder.Property(m => m.Skills).HasJsonConversion();
        builder.Property(m => m.Languages).HasJsonConversion();
        builder.Property(m => m.Neighbourhoods).HasJsonConversion();
        builder.Property(m => m.WorkingDays).HasJsonConversion();
        builder.Ignore(m => m.IsAvailable);
        builder.Ignore(m => m.IsPeerWorker);
        builder.HasIndex(m => m.TeamId);
    }
}

internal sealed class DirectoryVersionConfiguration : IEntityTypeConfiguration<DirectoryVersion>
{
    public void Configure(EntityTypeBuilder<DirectoryVersion> builder)
    {
        builder.ToTable("DirectoryVersion");
        builder.Property(v => v.Id).ValueGeneratedNever();
        // The row is there from the first migration on, so a save only ever updates it (docs/decisions/050).
        builder.HasData(new DirectoryVersion());
    }
}

internal sealed class CommunityOfferConfiguration : IEntityTypeConfiguration<CommunityOffer>
{
    public void Configure(EntityTypeBuilder<CommunityOffer> builder)
    {
        builder.ToTable("CommunityOffers");
        builder.Property(o => o.Id).ValueGeneratedNever();
        builder.Property(o => o.ExternalId).HasMaxLength(CommunityOffer.NameMaxLength);
        builder.Property(o => o.OrganisationExternalId).HasMaxLength(CommunityOffer.NameMaxLength);
        builder.Property(o => o.LocationExternalId).HasMaxLength(CommunityOffer.NameMaxLength);
        builder.Property(o => o.Name).HasMaxLength(CommunityOffer.NameMaxLength);
        builder.Property(o => o.Description).HasMaxLength(CommunityOffer.DescriptionMaxLength);
        builder.Property(o => o.OrganisationName).HasMaxLength(CommunityOffer.NameMaxLength);
        builder.Property(o => o.Categories).HasJsonConversion();
        builder.Property(o => o.HelpsWith).HasJsonConversion();
        builder.Property(o => o.Neighbourhood).HasMaxLength(CommunityOffer.NameMaxLength);
        builder.Property(o => o.LocationName).HasMaxLength(300);
        builder.Property(o => o.Address).HasMaxLength(1000);
        builder.Property(o => o.Postcode).HasMaxLength(CommunityOffer.PostcodeMaxLength);
        builder.Property(o => o.Sessions).HasJsonConversion();
        builder.Property(o => o.ScheduleNote); // several schedule descriptions joined: unbounded
        builder.Property(o => o.CostNote); // prices put into words: unbounded
        builder.Property(o => o.Phone).HasMaxLength(50);
        builder.Property(o => o.Email).HasMaxLength(254);
        builder.Property(o => o.Url).HasMaxLength(2000);
        builder.Property(o => o.Languages).HasJsonConversion();
        builder.HasIndex(o => o.ExternalId).IsUnique();
        builder.HasIndex(o => new { o.Active, o.Name });
        builder.Property(o => o.Area).HasMaxLength(CommunityOffer.AreaMaxLength).IsRequired(); // every offer has one (docs/decisions/043)
        builder.Property(o => o.WhoFor).HasMaxLength(CommunityOffer.WhoForMaxLength);
        builder.Property(o => o.HowToJoin).HasMaxLength(CommunityOffer.HowToJoinMaxLength);
        // The directory's indexes hold listed offers only (filtered on Active in HubDbContext, where the provider's
        // SQL is known), in the directory's order: free first, then A to Z, then id (docs/decisions/033, 037, 043).
        // Within an area a page is a range of the first, read in order, whatever the directory holds; across
        // every area (the Open Referral UK list) a page is a range of the second. A constant leading column
        // (Active) would tell PostgreSQL's cost model the rows lie in table order, and it then walked the
        // every-area index for one area's page, skipping the other areas' rows.
        builder.HasIndex(o => new { o.Area, o.IsFree, o.Name, o.Id }).IsDescending(false, true, false, false)
            .HasDatabaseName("IX_CommunityOffers_Listed_Area_IsFree_Name_Id");
        // The neighbourhoods of an area, one index seek each (the search form's choices, IDirectoryChoices).
        builder.HasIndex(o => new { o.Area, o.Neighbourhood }).HasDatabaseName("IX_CommunityOffers_Listed_Area_Neighbourhood");
        builder.HasIndex(o => new { o.IsFree, o.Name, o.Id }).IsDescending(true, false, false)
            .HasDatabaseName("IX_CommunityOffers_Listed_IsFree_Name_Id");
    }
}

internal sealed class GroupProposalConfiguration : IEntityTypeConfiguration<GroupProposal>
{
    public void Configure(EntityTypeBuilder<GroupProposal> builder)
    {
        builder.ToTable("GroupProposals");
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Details).HasJsonConversion(); // read and written whole; the listing it becomes is what is searched
        builder.Property(p => p.OrganiserEmail).HasMaxLength(254);
        builder.Property(p => p.Note).HasMaxLength(GroupProposal.NoteMaxLength * 2);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.Ignore(p => p.IsOpen);
        builder.HasIndex(p => p.FormToken).IsUnique(); // a form sent twice is one proposal
        builder.HasIndex(p => new { p.Status, p.SubmittedAt }); // the moderation queue, oldest first
        builder.HasOne<CommunityOffer>().WithMany().HasForeignKey(p => p.OfferId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ListingLinkConfiguration : IEntityTypeConfiguration<ListingLink>
{
    public void Configure(EntityTypeBuilder<ListingLink> builder)
    {
        builder.ToTable("ListingLinks");
        builder.Property(l => l.Id).ValueGeneratedNever();
        builder.Property(l => l.TokenHash).HasMaxLength(64);
        builder.Property(l => l.OrganiserEmail).HasMaxLength(254);
        builder.Property(l => l.Version).IsConcurrencyToken();
        builder.HasIndex(l => l.TokenHash).IsUnique();
        builder.HasOne<CommunityOffer>().WithMany().HasForeignKey(l => l.OfferId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class StaffInvitationConfiguration : IEntityTypeConfiguration<StaffInvitation>
{
    public void Configure(EntityTypeBuilder<StaffInvitation> builder)
    {
        builder.ToTable("StaffInvitations");
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.TokenHash).HasMaxLength(64);
        builder.Property(i => i.Version).IsConcurrencyToken(); // a link pressed twice at once is spent once
        builder.HasOne<StaffUser>().WithMany().HasForeignKey(i => i.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(i => i.TokenHash).IsUnique();
        builder.HasIndex(i => i.UserId);
    }
}
