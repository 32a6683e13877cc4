// Package fs is the FUSE file system of smb3fs: go-fuse nodes over one
// connected share (a *client.Tree). Every operation is one or a few SMB
// requests on the client's single encrypted session; this comment says what
// the kernel may cache, what a file looks like, and what SMB cannot carry.
//
// # Nodes and inode numbers
//
// A Node embeds fs.Inode and holds no path: its path is rebuilt from the
// inode tree on every request, so a rename on the mount moves every node
// below it at once. A node whose name is gone (unlinked, or renamed away by
// another client and forgotten) has no path; requests on it go through a
// still-open handle or fail with ENOENT.
//
// Inode numbers are the server's on-disk file ids: the QFid create context
// of the CREATE that looked the name up, or the FileId of the
// FileIdBothDirectoryInformation entry that listed it. They are stable
// across remounts and the same whichever way a file was reached: hard links
// show one inode and their link count. Ids 0, 1 and 2^64-1 (which go-fuse
// reserves) are replaced by numbers go-fuse hands out (from 2^63 up).
//
// Directories are the exception, so that the kernel always sees a tree
// (ino.go). Samba follows symbolic links on its own disk: `loopd/self -> .`
// is listed as a directory with loopd's FileId, and bind mounts or a
// hostile server repeat FileIds. A directory whose FileId is that of an
// ancestor k levels up, with the same creation, write and change times and
// attributes (compared with a fresh stat when the remembered ones differ),
// is shown as a symbolic link to ".", "..", "../.." (k+1 levels up), with
// an inode number of our own: readlink gives the target, stat the
// directory's times; it cannot be changed with utimensat (EPERM); unlink
// and rename act on the server's name, so Samba removes or renames the
// link itself. find, du, ls -R, tar and rsync -a do not follow it and end.
// A directory whose FileId is an ancestor's with other times, or is the
// number of another live directory inode (`sib -> ../other`, one file
// system bound twice into the share), is a directory with an inode number
// of our own; which of two directories keeps the FileId is the one looked
// up first. Our numbers count down from 2^63-1: apart from go-fuse's (2^63
// up), from Samba's birth-time FileIds (top bit set) and from the inode
// numbers of Linux file systems, and never reused within a mount. A
// directory never has two parents: every directory inode also has a
// generation of its own, so go-fuse never merges two. readdir gives such a
// directory inode number 0 (the kernel shows 4294967295), every time; stat
// gives the chosen one. Every walk up the inode tree stops past the longest
// SMB path, 32,767 UTF-16 units (ENAMETOOLONG).
//
// # Caching
//
// Names and attributes: the kernel keeps a looked-up name (entry timeout)
// and a file's attributes (attribute timeout) for the time the actimeo=
// mount option gives, 1 second by default; actimeo=0 asks the server every
// time. Within that window a change made by another client (or directly on
// the server) is not seen. Failed lookups are cached for the same time
// (negative timeout = attribute timeout): a name found missing is not asked
// for again within actimeo, so a file another client creates appears
// within actimeo of its creation (at once with actimeo=0; see also the
// listings below, which keep the same bound). This mount's own
// creates, renames and removes update the kernel's entries at once. rsync
// looks up each name two or three times (generator, receiver, before the
// rename) and its temporary names once; without the negative entries each
// was a round trip.
//
// Attributes the server reported (known.go): a file this mount created,
// wrote and closed (close(2)'s compound and the CLOSE response carry the
// attributes after them), or changed with utimensat(2) or truncate(2),
// keeps those attributes for actimeo; a stat(2), and a chmod(2) or
// chown(2) (which change nothing on SMB), are answered from them. Any change this mount makes to the file (a write, truncate, time,
// rename, link, xattr, open for writing) forgets them, and a report that
// raced with a change is not kept; directories are never kept. rsync's
// stat after closing each file, and its chmod of each temporary file,
// cost nothing. Other clients' changes are seen within actimeo, as above;
// actimeo=0 turns it off.
//
// Directory listings: read from the server as the kernel reads an open
// directory (again after rewinddir); READDIRPLUS fills the kernel's entry
// and attribute caches from the listing, without a request per name. A
// small directory is listed in one CREATE+QUERY_DIRECTORY+CLOSE compound;
// a larger one streams (dir.go): its handle stays open while the kernel
// reads, and each QUERY_DIRECTORY answer of at most 64 KiB (some 600
// entries) replaces the last. An open directory holds that one window, plus,
// while it is read in order from its start, the entries gathered for
// lookups, at most 10,000 (maxListed): a directory of millions of entries,
// or a server whose listing never ends, costs no more. A seek inside the
// window stays there; one before it lists again from the start and skips,
// as does a reconnect that loses the handle (at most 3 times per open
// directory). While a long listing is being read its handle is open on the
// server (until the end of the listing or closedir): Samba then refuses to
// rename a directory above it.
//
// Lookups from listings (dircache.go): when a directory sees a second
// lookup the kernel could not answer within actimeo, it is listed (one
// CREATE+QUERY_DIRECTORY+CLOSE compound for up to a few hundred entries),
// and lookups in it are answered from that listing until it is actimeo
// old: a listed name with the listing's attributes (nlink 1, as for
// READDIRPLUS), a missing name with ENOENT. Names the listing cannot
// vouch for go to the server: possible symbolic link files (1067 bytes),
// files this mount has open, entries this mount changed since, hidden
// names, and for ENOENT names Samba might match under another spelling
// (another case, mangled 8.3 names with ~, names ending in a space or a
// dot, non-ASCII names). This mount's own creates, renames, links,
// removes, opens for writing and setattrs update the listing at once (an
// error drops it); other clients' changes are seen once the listing is
// actimeo old, as for the attribute cache: no answer from a listing
// outlives it. A directory of more than 10,000 entries is not kept (its
// listing stops being read there, and lookups in it ask the server for
// noListFor times actimeo); all listings of a mount hold at most 200,000
// entries together (maxHeld, the oldest go first); actimeo=0 turns listings
// for lookups off. rsync's generator on a fresh
// mount, and the checks rsync and cp -r make before creating each name,
// cost one message per directory instead of one per name.
//
// Listings under directory leases (dirlease.go): where the server grants
// them (Samba 4.22 with `smb3 directory leases`, Windows; not Samba 4.17),
// a directory is listed on a handle opened with a read-and-handle lease,
// kept open while the lease holds (at most 256, each closed after a minute
// unused). Another client's create, delete or rename in it, or its change
// to a file's size or times there once that client's handle closes, breaks
// the lease first: the listing is dropped at once, and the kernel's entries
// for the directory are invalidated from a goroutine of our own. Until
// then its names answer lookups and readdir, absent names included, with no
// actimeo limit (5 minutes at most: a man in the middle could withhold a
// break, which carries no signature); its attributes answer for actimeo,
// as without a lease (Samba breaks nothing while another client writes
// through a handle it keeps open), then the listing is read again on the
// held handle: a readdir within actimeo sends nothing. The kernel is given
// the same timeouts as without leases. Samba refuses to rename a directory
// with a handle open below it; for another client's rename 4.22 first
// breaks our leases' handle caching and waits, and we close on the break
// (the rename goes through, some milliseconds later); this mount closes its
// own handles there before it renames or removes a directory. The mount's
// own change in a leased directory breaks the lease too (our opens carry
// no ParentLeaseKey), and the server waits for the break before it
// answers: a directory the mount wrote to takes no new lease for 30
// seconds (leaseCooldown), so that rsync, cp -r or tar pay that once.
// Options.NoDirLeases keeps actimeo listings only (no mount option sets
// it yet); multiuser mounts keep none.
//
// File data: no cache of our own beyond the READs ahead. Files opened
// read-only bypass the kernel's page cache where the kernel lets such a
// file still be mapped (FOPEN_DIRECT_IO with FUSE_DIRECT_IO_ALLOW_MMAP,
// Linux 6.6): each read(2) reaches Read as made, and a sequential reader is
// served from 1 MiB READs made ahead of it: one, then four once it has
// read for 10 ms, and as many as twice the bandwidth-delay product needs
// (up to 32 MiB) across a WAN (prefetch.go, window.go).
// Other files (and all with cachedreads or actimeo=0) are opened without
// FOPEN_KEEP_CACHE, so the kernel drops its page cache of a file at each
// open; reads within one open may come from the page cache (and
// read-ahead). Request sizes: WRITEs arrive as large as write(2) made them,
// up to 1 MiB (MaxWrite; the kernel's max_pages allows 1 MiB); direct
// reads as read(2) made them, up to 1 MiB; page-cache READs are what the
// kernel's read-ahead asks for, and FUSE offers only 128 KiB of it, which
// the file system may lower but not raise. A mount made as root therefore
// sets the mount's read_ahead_kb in /sys/class/bdi (readahead_linux.go) to
// 4 MiB once mounted: a sequential reader then gets 1 MiB READs, several in
// flight, instead of one 128 KiB READ per round trip. Unprivileged mounts
// keep the
// 128 KiB (root may raise it by hand). Writes: no writeback cache in the
// kernel. A handle that holds a write-caching lease (opens that write a
// file anew: O_TRUNC, O_CREAT|O_EXCL) writes behind: write(2) returns once
// its WRITE is sent, up to 4 MiB in flight (up to 32 MiB across a WAN,
// following the bandwidth-delay product: window.go), and small contiguous writes
// are held back (up to 64 KiB) and sent with the next bytes, or at
// close(2) together with the modification time in one compound. Every
// failure reaches the application at the next write(2), fsync(2) or
// close(2) (writebehind.go); a read or stat waits for them. Other handles
// write through: write(2) returns once the server acknowledged every byte.
// Either way close(2) returns once every byte is on the server, and
// fsync(2) also sends SMB2 FLUSH to put it on stable storage.
//
// Deferred close (park.go): a handle that wrote, whose lease lets us keep
// handles open, stays open on the server for a second after its release
// (at most 64 of them), as Linux cifs does (closetimeo). What programs do
// right after close(2), set the times and rename by name (rsync, cp -p,
// tar, editors), then goes on that handle, with no open for the server; a
// file created with O_EXCL is opened with DELETE access so that it can be
// renamed by handle. Nothing but the handle is kept: close(2) still
// returned once every byte and the time were on the server. The server
// takes handle caching away before another client's conflicting open, and
// the handle closes before that break is acknowledged; this mount closes
// it first before an unlink of the file, a rename over it, a rename of a
// directory, and at unmount.
//
// Multiuser mounts (Options.Trees, multiuser.go) cache none of this: each
// local user's requests run in that user's own SMB session, and what the
// server told one user must not answer another. The kernel's entry,
// attribute and negative timeouts are 0 and it checks no mode bits (no
// default_permissions: the server decides); listings do not answer
// lookups and attributes are not remembered (as with NoCache); released
// handles are closed, not parked. Read-ahead and write-behind belong to
// one handle, which keeps the session that opened it.
//
// # What a file looks like
//
// Type: directory or regular file, from the DOS directory attribute, or
// symbolic link: symlink(2) writes a Minshall-French symlink file, the
// format Linux cifs writes with mfsymlinks (symlink.go), and a regular file
// of exactly 1067 bytes in that format reads as a link. Only files of that
// size cost the extra read. Symbolic links Samba itself follows on the
// server are resolved there and look like their targets, except a link to
// a directory above it, which shows as a symbolic link to "..", "../..",
// or "." (see Nodes and inode numbers). Devices, FIFOs
// and sockets cannot be created (mknod(2) is EOPNOTSUPP).
//
// Permissions: a symbolic link shows 0777. Every file shows file_mode
// (default 0755, as mount.cifs) and every directory dir_mode (default
// 0755); a file with the DOS read-only attribute
// shows file_mode without its write bits. chmod(2) succeeds and changes
// nothing: the mode shown is always the one a remount would show. Access is
// decided by the server, for the authenticated user, whatever the mode bits
// say; a refused request is EACCES. Only the mounting user may enter the
// mount (the kernel refuses everybody else, root too), unless it was
// mounted with allow_other (Options.AllowOther): then every local user may,
// with the mounting user's SMB identity, and the kernel first checks the
// mode bits and owner shown (default_permissions), as cifs checks
// file_mode/dir_mode.
//
// Owner: every file belongs to uid=/gid= (default the mounting user).
// chown(2) succeeds and changes nothing.
//
// All of the above about symbolic links, permissions, owners and case is
// how a mount looks without the SMB3 POSIX extensions. Where the server
// takes them (Samba 4.22 with smb3 unix extensions = yes; not offered with
// the mount option noposix), the mount shows the server's own modes, link
// counts, owners and groups, chmod and chown act on the server, names are
// case-sensitive, and symbolic links are reparse points: see posix.go.
//
// Times: modification and access times are the server's and are set with
// utimensat(2) (FileBasicInformation; on the open handle that wrote, when
// there is one). SMB servers set the write time of a handle that wrote
// when it closes, and the kernel closes a handle only after close(2) has
// returned; so close(2) of a handle that wrote since its last close sets
// the modification time itself, to this machine's clock (as Linux cifs
// does), on the handle, where it stays (in the same compound as the last
// bytes held back): a stat after close(2) shows the final time. A time set with utimensat(2) wins over writes made before
// it. The change time is the server's ChangeTime. Creation time is not
// shown. Times are kept to 100 ns, the FILETIME unit (finer digits are
// cut), from year 1601 on: times before 1970 are kept too.
//
// Names: stored as given, without Unicode normalization (NFC and NFD
// names both round-trip, as two different names), up to 255 bytes and 255
// UTF-16 units. What SMB and Samba (with its default settings) do not
// carry: a backslash or a colon (refused by the mount) and the characters
// Windows forbids, " * < > ? | and the controls 0x01-0x1f (refused by
// Samba), are EINVAL. Names ending in a space or a dot, or made of dots
// only, can be created and opened by name and are stored under that name,
// but Samba lists them under a mangled 8.3 name (like TIXEP6~1) unless
// the share has "mangled names = no"; a copy taken off the mount gets that
// name. Samba matches names without regard to case for SMB clients (case
// sensitive = auto): opening "case" next to an existing "Case" opens Case,
// so a tree with names that differ only in case does not fit in one
// directory. TestLiveOddNames pins all of this; TestLiveRsyncTree copies
// a tree of 3,000 files with spaces, UTF-8, 255-byte names, leading dots,
// every kind of symbolic link, empty directories and times before 1970
// onto the mount and back with rsync -a, and finds it unchanged to the
// byte and to 100 ns.
//
// Links: nlink is the server's NumberOfLinks (FileStandardInformation, in
// the same round trip as the stat), 0 once a file's deletion is pending;
// entries filled from a directory listing show 1 until their next stat.
// Hard links (link(2)) are made with FileLinkInformation.
//
// Extended attributes: user.NAME is the SMB extended attribute NAME
// (xattr.go), which Samba keeps as the xattr user.NAME on its disk; other
// namespaces are not carried (ENODATA to get, EOPNOTSUPP to set, so cp -a
// and tar skip ACLs and capabilities). Empty values cannot be stored.
//
// # Operations
//
// open(2) maps O_CREAT|O_EXCL to FILE_CREATE, O_TRUNC to FILE_OVERWRITE (or
// FILE_OVERWRITE_IF with O_CREAT) and opens with read, write and delete
// sharing, so an open file does not block another open. An open through
// an inode whose name now holds another file (renamed over since the
// lookup) opens that file, unless it may be a symbolic link: then ESTALE
// makes the kernel look the name up again (ELOOP if that races too).
// O_APPEND writes at the server's end of file, asked for before each
// write. rename(2) replaces its target atomically (FileRenameInformation
// with ReplaceIfExists; an empty directory too where the server allows
// it, as Samba does); RENAME_NOREPLACE fails with EEXIST; RENAME_EXCHANGE
// is EINVAL. unlink and rmdir set the delete disposition on an open
// handle, and a non-empty directory is ENOTEMPTY.
//
// Open files, unlinked or replaced: SMB refuses to rename over a file
// that is open (Samba: open on the same connection, i.e. by this mount)
// and keeps an unlinked open file's name, delete-pending, until its last
// close, so the name cannot be created again. When this mount holds the
// file open, unlink and rename over it first rename it to a hidden name,
// .smb3fs-deleted-<16 hex digits> in the same directory, and set its
// delete disposition there ("silly rename", silly.go, as NFS clients do):
// the name is free at once, open handles still read and write the file,
// fstat on them shows nlink 0, and the server deletes the file at its
// last close (also if this client dies: the server closes its handles).
// This mount leaves the hidden names it made out of its listings (each is
// forgotten when its last handle here closes); any other name that looks
// like one is listed: another client's, or one left by an earlier mount
// of ours, which after a remount is an ordinary file. Other clients list
// our hidden names too, while the file is open (as with NFS's .nfsXXXX
// files). A crash between the steps can leave a hidden file behind
// (remove it by name); other clients can see
// the target name missing for the moment between the two renames of a
// rename over an open file. A file open only elsewhere keeps SMB
// semantics: a rename over it is refused where the server refuses it
// (EACCES; Samba allows it), and its unlinked name stays until its last
// close.
//
// fallocate(2): mode 0 extends the end of file; FALLOC_FL_KEEP_SIZE past
// the end of file sets the allocation size (FileAllocationInformation;
// Samba then reserves the space with strict allocate, or checks that it
// is free, ENOSPC), inside the file it has nothing to do; other modes
// are EOPNOTSUPP. Samba applies an allocation below the file's size as a
// truncation: the size is asked for just before, and this kernel
// serializes fallocate with this mount's writes, but another client
// growing the file in that moment would have it cut back.
//
// statfs(2) reports FileFsFullSizeInformation, with
// the caller's quota as the available blocks. Names containing a backslash
// or a colon (an alternate data stream on SMB) are refused with EINVAL;
// names over 255 UTF-16 units with ENAMETOOLONG.
//
// copy_file_range(2) between files of one mount is a server-side copy
// (FSCTL_SRV_COPYCHUNK_WRITE, copy.go): the data never crosses the wire. A
// server that cannot copy is reported to the kernel once (ENOSYS), which
// then copies through read and write.
//
// File locks (fcntl and flock) are SMB byte-range locks (lock.go): per
// open file, enforced by the server (a locked range refuses other handles'
// reads and writes), whole locks only (a partial unlock or overlap is
// ENOLCK); F_SETLKW is interruptible (SMB2 CANCEL, then EINTR). Because
// SMB locks are mandatory, a process that mmaps a file region another
// process has locked gets SIGBUS on its page fault: SQLite in WAL mode
// (its -shm locks) breaks that way when two processes share a database.
// The nobrl mount option (Options.LocalLocks) keeps locks in this kernel
// instead: correct among this machine's processes, invisible to other
// clients.
//
// # Memory
//
// What the daemon holds is bounded by us, not by the server: every buffer
// whose size a server chooses has a cap, named where it is enforced.
//   - Frames: one received at a time, at most 16 MiB (Direct TCP's 3-byte
//     length); a compound chain splits into at most
//     wire.MaxCompoundMessages (32) messages; a response is held by the
//     request it answers until copied out, and a READ, QUERY_INFO,
//     QUERY_DIRECTORY or IOCTL answer longer than asked (DataLength,
//     OutputBufferLength, MaxOutputResponse: 16 KiB for a reparse point)
//     is refused, as is a READ answer with more than 8 bytes after its
//     data (a reply keeps the frame its data came in).
//   - Break notifications: at most 1024 acknowledgments in flight and 64
//     early oplock breaks kept (client/lease.go); more end the connection.
//     CHANGE_NOTIFY answers fit a 64 KiB buffer (client/notify.go).
//   - Listings kept for lookups: directories of at most 10,000 entries,
//     200,000 entries in all (dircache.go; one held under a directory
//     lease counts twice, its entries also kept as listed for readdir),
//     and at most 256 directory handles held for leases (dirlease.go). A directory being read streams
//     (dir.go): one QUERY_DIRECTORY answer at a time per open directory,
//     plus its first 10,000 entries gathered for lookups; a listing that
//     never ends is read as far as the reader reads.
//   - Read-ahead: two 1 MiB chunks per file open for reading, one READ in
//     flight (prefetch.go); write-behind: 4 MiB in flight and 64 KiB held
//     back per file open for writing (writebehind.go). These windows grow
//     (read-ahead to four chunks ahead on any link; across a WAN with the
//     bandwidth-delay product, to 32 MiB of read-ahead and 32 MiB of
//     write-behind) with bytes from one allowance per mount:
//     memoryWindows, 64 MiB for all windows together (window.go).
//   - Inodes: go-fuse keeps a node for each inode the kernel holds, about
//     700 bytes each, until the kernel forgets them (under memory
//     pressure, or drop_caches): each name looked up, and each entry
//     READDIRPLUS returned with one, which is at most the first 10,000
//     entries of each open directory (maxPlusInodes, dir.go); the entries
//     after go to the kernel without an inode, looked up when used. So a
//     listing of 200,000 entries makes 10,000, an endless one no more.
//
// The bound per mount is then about 100 MiB, plus 17 MiB per FUSE request
// in flight (a 16 MiB frame answering it), 2 MiB per file open for reading
// and 4 MiB per file open for writing, plus 700 bytes per inode the kernel
// holds (memory.go has the figures). TestHostileMount checks it while the
// fake server sends giant and endless listings and grants 65535 credits
// per response.
//
// # Errors
//
// ToErrno in errno.go is the one place an error becomes an errno. A
// connection that ended, failed verification or broke the protocol fails
// the requests on it with EIO (ETIMEDOUT for a silent server) unless the
// client's reconnect repeats them (see the client package); an open file
// the reconnect could not reclaim is EIO from then on. Requests that can
// take long and change nothing are interruptible: read, fsync,
// copy_file_range and lock waits send SMB2 CANCEL and return EINTR.
// Lookup, create, mkdir, setattr, rename, unlink and rmdir answer an
// interrupt only if they are still running 5 s after it (a stray signal
// changes nothing: even a Go program's preemption signal interrupts a
// FUSE request): then SMB2 CANCEL, up to 2 s more for the server's real
// answer, and EINTR with the directory's cached listing dropped if none
// came (interrupt.go). The others, write(2) included, ignore the kernel's
// interrupt and wait for the server's answer: a change the server may
// already have made must not be reported as not done (a caller retries
// an interrupted write, and an O_APPEND record written twice is corrupt
// data). The client's timeout still bounds each request, and a request
// the server acknowledged with STATUS_PENDING is cancelled (ETIMEDOUT)
// after four timeouts. That cap is paid once per connection, not once per
// request: after it, a request the server acknowledges fails at once
// (ETIMEDOUT) for the next four timeouts or until the server finishes an
// acknowledged request again. So a FUSE operation, and a syscall made of
// several (rename(2) looks up both names first; os.Rename stats the
// target before), waits out at most four timeouts for a server that
// acknowledges and withholds; the hostile-server test (hostile_test.go,
// mode pending) holds each call to five.
package fs
