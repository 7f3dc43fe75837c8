<?xml version="1.0"?>
<!-- machine-type-deprecated: replace a deleted, deprecated or Ubuntu-only
     machine type with the unversioned alias of its family (q35 or pc),
     which libvirt expands to the newest versioned type of the host's QEMU
     when it defines the domain.  Unsafe: the guest sees a newer chipset.
     Parameters: targets, the vl:id of <os><type>; machine, the alias. -->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:vl="urn:x-virtlint:fix"
                exclude-result-prefixes="vl">
  <xsl:param name="targets"/>
  <xsl:param name="machine"/>

  <xsl:template match="@*|node()">
    <xsl:copy>
      <xsl:apply-templates select="@*|node()"/>
    </xsl:copy>
  </xsl:template>

  <xsl:template match="/domain/os/type/@machine">
    <xsl:choose>
      <xsl:when test="contains($targets, concat(' ', ../@vl:id, ' ')) and ($machine = 'q35' or $machine = 'pc')">
        <xsl:attribute name="machine"><xsl:value-of select="$machine"/></xsl:attribute>
      </xsl:when>
      <xsl:otherwise>
        <xsl:copy/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
