// Saves a file the server made (a table's CSV) in the browser, from a .NET stream reference.
window.duaDownload = async (fileName, content) => {
  const bytes = await content.arrayBuffer();
  const url = URL.createObjectURL(new Blob([bytes], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
};
