// office-addin-mock imports office-addin-manifest only for this enum; the real package pulls
// ESM-only dependencies jest cannot load.
module.exports = {
  OfficeApp: {
    Excel: 'excel',
    OneNote: 'onenote',
    Outlook: 'outlook',
    PowerPoint: 'powerpoint',
    Project: 'project',
    Word: 'word',
  },
};
