// glibc's allocator controls (malloc.h), which Swift's Glibc module does not export.
#include <malloc.h>
