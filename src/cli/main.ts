process.stdout.write('article-annotator: not implemented yet\n');
