<?xml version="1.0"?>
<!-- firmware-bios-useserial: add <serial type='pty'/> to <devices>, where
     libvirt writes serial ports: before the first parallel, console,
     channel, input, tpm, graphics, sound, audio, video, hostdev, redirdev,
     redirfilter, hub, watchdog, memballoon, rng, panic, shmem, memory,
     iommu, vsock, crypto or pstore device, else at the end.
     Parameters: targets (the <bios>; unused). -->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:vl="urn:x-virtlint:fix"
                exclude-result-prefixes="vl">
  <xsl:param name="targets"/>

  <xsl:template match="@*|node()">
    <xsl:copy>
      <xsl:apply-templates select="@*|node()"/>
    </xsl:copy>
  </xsl:template>

  <xsl:template match="/domain/devices">
    <xsl:variable name="after" select="(parallel|console|channel|input|tpm|graphics|sound|audio|video|hostdev|redirdev|redirfilter|hub|watchdog|memballoon|rng|panic|shmem|memory|iommu|vsock|crypto|pstore)[1]"/>
    <xsl:copy>
      <xsl:apply-templates select="@*"/>
      <xsl:for-each select="node()">
        <xsl:if test="not(../serial) and $after and count(. | $after) = 1">
          <serial type="pty"/>
        </xsl:if>
        <xsl:apply-templates select="."/>
      </xsl:for-each>
      <xsl:if test="not(serial) and not($after)">
        <serial type="pty"/>
      </xsl:if>
    </xsl:copy>
  </xsl:template>
</xsl:stylesheet>
